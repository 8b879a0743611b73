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

  const pending = new Uint8Array(n).fill(1);
  const seenEmpty = new Int32Array(m.nVehicleClasses).fill(-1);
  for (let left = n; left > 0; left--) {
    let pick = -1;
    let pickVehicle = -1;
    let pickRegret = -Infinity;
    let pickBest = Infinity;
    for (let k = 0; k < n; k++) {
      if (!pending[k]) continue;
      let best = Infinity;
      let second = Infinity;
      let bestV = -1;
      for (let v = 0; v < K; v++) {
        const d = delta[k * K + v]!;
        if (d === Infinity) continue;
        // Identical empty vehicles are one option, not K options with zero regret between them.
        if (s.routes[v]!.nodes.length === 2) {
          const c = m.vehicleClass[v]!;
          if (seenEmpty[c] === k) continue;
          seenEmpty[c] = k;
        }
        if (d < best) {
          second = best;
          best = d;
          bestV = v;
        } else if (d < second) second = d;
      }
      if (bestV < 0) {
        // Fits nowhere now, and routes only fill up: it stays out.
        pending[k] = 0;
        s.unassigned.push(jobs[k]!);
        continue;
      }
      const regret = second === Infinity ? Number.MAX_VALUE : second - best;
      if (regret > pickRegret || (regret === pickRegret && best < pickBest)) {
        pick = k;
        pickVehicle = bestV;
        pickRegret = regret;
        pickBest = best;
      }
    }
    seenEmpty.fill(-1);
    if (pick < 0) break;
    pending[pick] = 0;
    ws.insert(pickVehicle, pos[pick * K + pickVehicle]!, jobs[pick]!);
    for (let k = 0; k < n; k++) if (pending[k]) evaluate(k, pickVehicle);
  }
}
