"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { LineageNode as LineageNodeData } from "@/lib/lineage/graph";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/lineage/layout";
import { STATUS_LABEL } from "@/lib/observability/classify";
import { KIND_STYLES, STATUS_RING, kindLabel } from "./node-style";

export type LineageFlowNode = Node<{ node: LineageNodeData }, "lineage">;

/** One relation or external system: kind by colour and label, freshness by the ring, owner for groups. */
export function LineageNodeView({ data }: NodeProps<LineageFlowNode>) {
  const { node } = data;
  const ring = node.status ? STATUS_RING[node.status] : "";
  return (
    <div
      data-kind={node.kind}
      data-status={node.status ?? "none"}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`rounded-md border-2 px-2 py-1 text-left text-xs shadow-sm ${KIND_STYLES[node.kind].className} ${ring}`}
      title={`${kindLabel(node)}: ${node.name}${node.status ? ` (${STATUS_LABEL[node.status]})` : ""}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="flex items-center justify-between gap-1 text-[10px] uppercase tracking-wide text-slate-600 dark:text-slate-300">
        <span className="truncate">{kindLabel(node)}</span>
        {node.status ? (
          <span className="font-semibold">{STATUS_LABEL[node.status]}</span>
        ) : node.mvStatus === "Creating" ? (
          <span>creating</span>
        ) : null}
      </div>
      <div className="truncate font-mono text-[13px] font-medium text-slate-900 dark:text-slate-100">{node.name}</div>
      {node.group ? <div className="truncate text-[11px] text-slate-600 dark:text-slate-300">{node.group.owner}</div> : null}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
