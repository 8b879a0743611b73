import { describe, expect, it } from 'vitest';

import { EMPTY_JOB, fullAddressOf, jobDraftProblem, jobInputOf, type JobDraft } from './drafts';

const OFFICE_A = '00000000-0000-4000-8000-00000000000a';
const OFFICE_B = '00000000-0000-4000-8000-00000000000b';

/** A drafted job in Phường Trấn Biên, served by office A. */
const draft = (over: Partial<JobDraft> = {}): JobDraft => ({
  ...EMPTY_JOB,
  open: true,
  addressText: '25 Hùng Vương',
  wardCode: '26041',
  wardName: 'Phường Trấn Biên',
  wardOfficeId: OFFICE_A,
  wardOfficeName: 'Bưu cục A',
  unitId: OFFICE_A,
  ...over,
});

describe('the job drafted from a call', () => {
  it('goes to the ward’s office, sends the ward and writes the ward after the street', () => {
    const input = jobInputOf(draft(), null);
    expect(input.unitId).toBe(OFFICE_A);
    expect(input.wardCode).toBe('26041');
    expect(input.addressText).toBe('25 Hùng Vương, Phường Trấn Biên');
    expect(input).not.toHaveProperty('unitOverrideReason');
  });

  it('does not repeat a ward the operator already typed in the street', () => {
    expect(
      fullAddressOf({
        addressText: '25 Hùng Vương, phường Trấn Biên',
        wardName: 'Phường Trấn Biên',
      }),
    ).toBe('25 Hùng Vương, phường Trấn Biên');
  });

  it('holds back another office than the ward’s until a reason is given, then sends the reason', () => {
    expect(jobDraftProblem(draft({ unitId: OFFICE_B }))).toBe('unitOverrideReason');
    const job = draft({ unitId: OFFICE_B, unitOverrideReason: ' Hẹn tại nơi làm việc ' });
    expect(jobDraftProblem(job)).toBeNull();
    expect(jobInputOf(job, null)).toMatchObject({
      unitId: OFFICE_B,
      unitOverrideReason: 'Hẹn tại nơi làm việc',
    });
  });

  it('needs an office or a ward that has one', () => {
    expect(jobDraftProblem(draft({ unitId: '', wardOfficeId: '' }))).toBe('unit');
  });

  it('sends the pin with where it came from, and the operator’s choice to keep the address', () => {
    const input = jobInputOf(
      draft({ lat: 10.95, lng: 106.82, locationSource: 'geocoded', saveAddress: false }),
      null,
    );
    expect(input).toMatchObject({ lat: 10.95, lng: 106.82, locationSource: 'geocoded' });
    expect(input.saveAddress).toBe(false);
    expect(jobInputOf(draft(), null)).not.toHaveProperty('locationSource');
  });
});
