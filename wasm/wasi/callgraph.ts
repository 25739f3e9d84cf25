// Which functions of a module can recurse (lie on a cycle of the call graph), for the fuel
// rewrite: only those need a check at their entry (a run without loops that goes on forever must
// go round a call cycle). call_indirect may reach every function whose index is taken (element
// segments, ref.func) and whose type matches: it goes through one helper node per type.

import type { FuncScan } from './fuelcode.ts';

/**
 * True for each defined function on a call cycle. funcTypes/typeKeys give each function's type;
 * taken holds absolute function indices (imports first: nImpFuncs of them).
 */
export function recursiveFunctions(funcs: FuncScan[], funcTypes: number[], typeKeys: string[], taken: Set<number>, nImpFuncs: number): boolean[] {
  const n = funcs.length;
  const typeNode = new Map<string, number>();
  const helperEdges: number[][] = [];
  const nodeOf = (key: string): number => {
    let v = typeNode.get(key);
    if (v === undefined) {
      typeNode.set(key, (v = n + helperEdges.length));
      helperEdges.push([]);
    }
    return v;
  };
  const succ: number[][] = funcs.map((fn) => {
    if (!fn.indirect) return fn.callees;
    const out = fn.callees.slice();
    for (const key of fn.indirect) out.push(nodeOf(key));
    return out;
  });
  for (const idx of taken) {
    const f = idx - nImpFuncs;
    if (f < 0 || f >= n) continue;
    const v = typeNode.get(typeKeys[funcTypes[f]!] ?? '');
    if (v !== undefined) helperEdges[v - n]!.push(f);
  }
  return onCycle(n, n + helperEdges.length, (v) => (v < n ? succ[v]! : helperEdges[v - n]!));
}

/**
 * Which nodes 0..n-1 lie on a cycle of the graph given by edges(v) (nodes may list successors
 * >= n: helper nodes, e.g. one per call_indirect type; they take part but are not reported).
 * Tarjan's strongly connected components, iterative.
 */
function onCycle(n: number, total: number, edges: (v: number) => number[]): boolean[] {
  const index = new Int32Array(total).fill(-1);
  const low = new Int32Array(total);
  const onStack = new Uint8Array(total);
  const stack: number[] = [];
  const result: boolean[] = new Array<boolean>(n).fill(false);
  const workV: number[] = [];
  const workI: number[] = [];
  const workE: number[][] = [];
  let next = 0;
  for (let root = 0; root < total; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    workV.push(root);
    workI.push(0);
    workE.push(edges(root));
    while (workV.length > 0) {
      const top = workV.length - 1;
      const v = workV[top]!;
      const es = workE[top]!;
      const i = workI[top]!;
      if (i < es.length) {
        workI[top] = i + 1;
        const u = es[i]!;
        if (u === v && v < n) result[v] = true;
        if (index[u] === -1) {
          index[u] = low[u] = next++;
          stack.push(u);
          onStack[u] = 1;
          workV.push(u);
          workI.push(0);
          workE.push(edges(u));
        } else if (onStack[u]) low[v] = Math.min(low[v]!, index[u]!);
        continue;
      }
      workV.pop();
      workI.pop();
      workE.pop();
      if (workV.length > 0) {
        const p = workV[workV.length - 1]!;
        low[p] = Math.min(low[p]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let k = stack.length;
        do onStack[stack[--k]!] = 0;
        while (stack[k] !== v);
        if (stack.length - k > 1) for (let j = k; j < stack.length; j++) if (stack[j]! < n) result[stack[j]!] = true;
        stack.length = k;
      }
    }
  }
  return result;
}
