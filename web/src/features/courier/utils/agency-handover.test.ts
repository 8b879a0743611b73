import { describe, expect, it } from 'vitest';

import type { OutboxAction } from '../offline/outbox';
import {
  actionsOfHandover,
  agenciesOf,
  AGENCY_HANDOVER_URL,
  formatSignedAt,
  queuedHandoverJobIds,
} from './agency-handover';

function action(over: Partial<OutboxAction>): OutboxAction {
  return {
    id: 'a',
    jobId: null,
    label: '',
    url: '/api/jobs/j1/transitions',
    occurredAt: '2026-03-16T02:00:00.000Z',
    state: 'pending',
    attempts: 0,
    ...over,
  };
}

const record = action({
  id: 'rec',
  url: AGENCY_HANDOVER_URL,
  json: {
    agencyName: 'Sở Tư pháp',
    clerkName: 'Lê Văn Cường',
    clerkSignatureId: '@ref:sig',
    items: [
      { jobId: 'j1', complete: true },
      { jobId: 'j2', complete: false },
    ],
  },
});

describe('agenciesOf', () => {
  it('gives one agency when every dossier picked goes to the same one', () => {
    expect(agenciesOf([{ agency: 'Sở Tư pháp' }, { agency: ' Sở Tư pháp ' }])).toEqual([
      'Sở Tư pháp',
    ]);
  });

  it('lists each agency once when they differ, and ignores procedures without one', () => {
    expect(agenciesOf([{ agency: 'Sở Tư pháp' }, { agency: null }, { agency: 'Công an' }])).toEqual(
      ['Sở Tư pháp', 'Công an'],
    );
    expect(agenciesOf([])).toEqual([]);
  });
});

describe('queued handover records', () => {
  it('keeps the dossiers of a record waiting in the outbox out of a new one', () => {
    const other = action({ id: 'x', jobId: 'j3', json: { to: 'en_route' } });
    expect([...queuedHandoverJobIds([other, record])].sort()).toEqual(['j1', 'j2']);
  });

  it('drops a record together with the clerk’s signature uploaded for it', () => {
    const sig = action({ id: 'sig', url: '/api/jobs/j1/documents' });
    const unrelated = action({ id: 'u' });
    expect(actionsOfHandover([sig, unrelated, record], record).map((a) => a.id)).toEqual([
      'sig',
      'rec',
    ]);
  });
});

describe('formatSignedAt', () => {
  it('prints the signing time as dd/MM/yyyy HH:mm in Vietnam time, across midnight UTC', () => {
    expect(formatSignedAt('2026-03-15T17:05:00.000Z')).toBe('16/03/2026 00:05');
    expect(formatSignedAt('2026-03-16T02:30:00Z')).toBe('16/03/2026 09:30');
  });
});
