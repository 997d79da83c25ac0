// Every `npm …`, `npx tideline …` and emulator command the README shows must exist: a README that
// names a command that is gone is a broken promise to the next reader.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
const cliSource = readFileSync("cli/main.ts", "utf8");
const emulatorSource = readFileSync("emulator/main.ts", "utf8");

/** Each occurrence of a pattern's first group in the README, with its line. */
function mentions(pattern: RegExp): { text: string; line: number }[] {
  return readme
    .split("\n")
    .flatMap((line, index) => [...line.matchAll(pattern)].map((match) => ({ text: match[1] ?? "", line: index + 1 })));
}

describe("the README's commands", () => {
  it("names only npm scripts that package.json has", () => {
    const used = [
      ...mentions(/npm run ([a-z][\w:-]*)/g),
      ...mentions(/\bnpm (test|start)\b/g).map((mention) => ({ ...mention, text: mention.text })),
    ];
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((mention) => !scripts.includes(mention.text))).toEqual([]);
  });

  it("names only CLI commands and options `tideline` accepts", () => {
    const commands = [...cliSource.matchAll(/^\s+tideline (\w+)/gm)].map((match) => match[1]);
    const used = mentions(/npx tideline ([a-z]+)/g);
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((mention) => !commands.includes(mention.text))).toEqual([]);
    const options = mentions(/npx tideline [^`\n#]*?(--[a-z-]+)/g);
    expect(
      options.filter((mention) => !cliSource.includes(`"${mention.text.slice(2)}"`) && !cliSource.includes(`${mention.text.slice(2)}: {`)),
    ).toEqual([]);
  });

  it("names only emulator commands the emulator knows", () => {
    const used = mentions(/npm run emulator -- ([a-z][\w-]*)/g);
    expect(used.length).toBeGreaterThan(5);
    expect(
      used.filter(
        (mention) => !emulatorSource.includes(`"${mention.text}"`) && !new RegExp(`[|\\s]${mention.text}[|\\s]`).test(emulatorSource),
      ),
    ).toEqual([]);
  });
});
