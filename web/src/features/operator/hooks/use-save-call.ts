import { normalizePhone, type Call } from '@tannha/shared';

import { useUpdateCall } from '../api/calls.api';
import { useCreateCitizen } from '../api/citizens.api';
import type { CallDraft } from '../utils/drafts';

/**
 * Saving a call: an unknown caller who gave a name (and a valid number) is recorded as a
 * citizen first, with the address if one was given; then the call is updated and linked.
 */
export function useSaveCall(call: Call, draft: CallDraft) {
  const update = useUpdateCall();
  const createCitizen = useCreateCitizen();

  const saveCall = async () => {
    let citizenId = call.citizenId;
    if (!citizenId && draft.callerName.trim().length >= 2) {
      const phone = normalizePhone(call.callerPhone);
      if (phone.ok) {
        const created = await createCitizen.mutateAsync({
          fullName: draft.callerName.trim(),
          phone: call.callerPhone,
          ...(draft.addressText.trim().length >= 5
            ? { addresses: [{ addressText: draft.addressText.trim() }] }
            : {}),
        });
        citizenId = created.id;
      }
    }
    return update.mutateAsync({
      id: call.id,
      category: (draft.category || null) as Call['category'],
      content: draft.content || null,
      callerName: draft.callerName || null,
      procedureId: draft.procedureId || null,
      ...(citizenId !== call.citizenId ? { citizenId } : {}),
    });
  };

  return { saveCall, update, createCitizen };
}
