import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from "yaml";
import { FeatureGroupSchema, type FeatureGroupDefinition } from "../schemas/feature-group";

/** Aliases a document may expand (the yaml package's own default is 100, far more than a definition needs). */
const MAX_ALIAS_COUNT = 50;

export type DefinitionProblem = { file: string; document: number; path: string; message: string; line: number; column: number };
export type ParsedDefinition = {
  file: string;
  document: number;
  line: number;
  definition: FeatureGroupDefinition;
  /** Where a path of the definition ("features.2.dtype") is written, for problems found after parsing. */
  locate: (path: string) => { line: number; column: number };
};
export type ParseResult = { definitions: ParsedDefinition[]; problems: DefinitionProblem[] };

/** The YAML node at a zod issue path, or the deepest ancestor that exists. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | null {
  let node = doc.contents as Node | null;
  for (const segment of path) {
    const child: unknown = isMap(node) || isSeq(node) ? node.get(segment as string | number, true) : undefined;
    if (!child || typeof child !== "object") break;
    node = child as Node;
  }
  return node;
}

/**
 * Parses one YAML file holding one or many feature group documents (separated by ---).
 * Syntax and schema problems come back with 1-based line and column; nothing throws.
 */
export function parseDefinitions(text: string, file = "<input>"): ParseResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const definitions: ParsedDefinition[] = [];
  const problems: DefinitionProblem[] = [];
  const position = (offset: number | undefined) => (offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset));
  const list = Array.isArray(docs) ? docs : [docs];

  list.forEach((doc, index) => {
    const document = index + 1;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const { line, col } = position(error.pos[0]);
        problems.push({ file, document, path: "", message: error.message.split("\n")[0] ?? error.message, line, column: col });
      }
      return;
    }
    // An empty document, e.g. after a trailing ---.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
    const start = position(doc.contents.range?.[0]);
    let value: unknown;
    try {
      // A few aliases are fine; an alias bomb (aliases of aliases) is refused instead of expanded.
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        file,
        document,
        path: "",
        message: error instanceof Error ? error.message : String(error),
        line: start.line,
        column: start.col,
      });
      return;
    }
    const result = FeatureGroupSchema.safeParse(value);
    if (result.success) {
      const locate = (path: string) => {
        const { line, col } = position(
          nodeAt(
            doc,
            path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          )?.range?.[0] ?? doc.contents?.range?.[0],
        );
        return { line, column: col };
      };
      definitions.push({ file, document, line: start.line, definition: result.data, locate });
      return;
    }
    for (const issue of result.error.issues) {
      const node = nodeAt(doc, issue.path);
      const { line, col } = position(node?.range?.[0]);
      problems.push({ file, document, path: issue.path.map(String).join("."), message: issue.message, line, column: col });
    }
  });
  return { definitions, problems };
}
