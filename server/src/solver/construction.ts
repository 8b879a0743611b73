import { bestInRoute, type Insertion } from './insertion';
import type { Workspace } from './solution';
import type { VrpModel } from './vrp-model';

/**
 * Regret-2 insertion: repeatedly place the job that would lose most if its best route were
 * taken away (second-best minus best added distance), so jobs with few good options — tight
 * windows, far-off places — are settled before the easy ones fill their routes. A job with a
 * single feasible route has an infinite regret and goes first. Jobs that fit nowhere are left
 * in `ws.sol.unassigned`.
 */
export function constructRegret(m: VrpModel, ws: Workspace, jobs: number[]): void {
  const K = m.nVehicles;
  const n = jobs.length;
  const delta = new Float64Array(n * K).fill(Infinity);
  const pos = new Int32Array(n * K);
  const ins: Insertion = { vehicle: -1, pos: -1, delta: Infinity };
  const s = ws.sol;
  const evaluate = (k: number, v: number): void => {
    const j = jobs[k]!;
    const must = m.mustVehicle[j]!;
    delta[k * K + v] = Infinity;
    if (must >= 0 && must !== v) return;
    const r = s.routes[v]!;
    if (r.load + m.size[j]! > m.capacity[v]!) return;
    ins.delta = Infinity;
    ins.vehicle = -1;
    bestInRoute(m, r, j, ins, null, 0);
    if (ins.vehicle >= 0) {
      delta[k * K + v] = ins.delta;
      pos[k * K + v] = ins.pos;
    }
  };
  for (let k = 0; k < n; k++) for (let v = 0; v < K; v++) evaluate(k, v);

  // Best and second-best added distance per job, kept up to date incrementally: after an
  // insertion only the changed route's column moves, and a full rescan over the vehicles is
  // needed only when that route was one of the two best options.
  const best = new Float64Array(n);
  const second = new Float64Array(n);
  const bestV = new Int32Array(n);
  const seenEmpty = new Int32Array(m.nVehicleClasses);
  let stamp = 0;
  const rescan = (k: number): void => {
    let b1 = Infinity;
    let b2 = Infinity;
    let bv = -1;
    stamp++;
    for (let v = 0; v < K; v++) {
      const d = delta[k * K + v]!;
      if (d === Infinity) continue;
      // Identical empty vehicles are one option, not K options with zero regret between them.
      if (s.routes[v]!.nodes.length === 2) {
        const c = m.vehicleClass[v]!;
        if (seenEmpty[c] === stamp) continue;
        seenEmpty[c] = stamp;
      }
      if (d < b1) {
        b2 = b1;
        b1 = d;
        bv = v;
      } else if (d < b2) b2 = d;
    }
    best[k] = b1;
    second[k] = b2;
    bestV[k] = bv;
  };
  for (let k = 0; k < n; k++) rescan(k);

  const pending = new Uint8Array(n).fill(1);
  for (;;) {
    let pick = -1;
    let pickRegret = -Infinity;
    for (let k = 0; k < n; k++) {
      if (!pending[k]) continue;
      if (bestV[k]! < 0) {
        // Fits nowhere now, and routes only fill up: it stays out.
        pending[k] = 0;
        s.unassigned.push(jobs[k]!);
        continue;
      }
      const regret = second[k] === Infinity ? Number.MAX_VALUE : second[k]! - best[k]!;
      if (regret > pickRegret || (regret === pickRegret && best[k]! < best[pick]!)) {
        pick = k;
        pickRegret = regret;
      }
    }
    if (pick < 0) break;
    pending[pick] = 0;
    const v = bestV[pick]!;
    ws.insert(v, pos[pick * K + v]!, jobs[pick]!);
    for (let k = 0; k < n; k++) {
      if (!pending[k]) continue;
      const old = delta[k * K + v]!;
      evaluate(k, v);
      const now = delta[k * K + v]!;
      if (bestV[k] === v || old <= second[k]!) rescan(k);
      else if (now < best[k]!) {
        second[k] = best[k]!;
        best[k] = now;
        bestV[k] = v;
      } else if (now < second[k]!) second[k] = now;
    }
  }
}
