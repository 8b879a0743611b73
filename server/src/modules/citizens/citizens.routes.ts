import { Router } from 'express';
import { z } from 'zod';
import {
  CitizenAddressInputSchema,
  CitizenSearchQuerySchema,
  CreateCitizenSchema,
  UpdateCitizenSchema,
} from '@tannha/shared';
import { byId, byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import {
  addCitizenAddress,
  createCitizen,
  deleteCitizenAddress,
  getCitizen,
  getCitizenHistory,
  searchCitizens,
  updateCitizen,
  updateCitizenAddress,
} from './citizens.service';

const AddressParams = z.object({ id: z.uuid(), addressId: z.uuid() });

/** /api/citizens — the caller directory (who may do what: policies/citizens.policy.ts). */
export function citizensRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/citizens',
    byQuery('citizens.search', CitizenSearchQuerySchema, async (auth, query) => ({
      items: await searchCitizens(db, auth, query),
    })),
  );
  router.post(
    '/citizens',
    endpoint({ can: 'citizens.create', body: CreateCitizenSchema }, async ({ auth, body }) =>
      withStatus(201, await createCitizen(db, auth, body)),
    ),
  );
  router.get(
    '/citizens/:id',
    byId('citizens.read', (auth, id) => getCitizen(db, auth, id)),
  );
  router.patch(
    '/citizens/:id',
    byId('citizens.update', UpdateCitizenSchema, (auth, id, body) =>
      updateCitizen(db, auth, id, body),
    ),
  );
  router.get(
    '/citizens/:id/history',
    byId('citizens.read', (auth, id) => getCitizenHistory(db, auth, id)),
  );
  router.post(
    '/citizens/:id/addresses',
    byId('citizens.update', CitizenAddressInputSchema, async (auth, id, body) =>
      withStatus(201, await addCitizenAddress(db, auth, id, body)),
    ),
  );
  router.put(
    '/citizens/:id/addresses/:addressId',
    endpoint(
      { can: 'citizens.update', params: AddressParams, body: CitizenAddressInputSchema },
      async ({ auth, params, body }) =>
        updateCitizenAddress(db, auth, params.id, params.addressId, body),
    ),
  );
  router.delete(
    '/citizens/:id/addresses/:addressId',
    endpoint({ can: 'citizens.update', params: AddressParams }, async ({ auth, params }) => {
      await deleteCitizenAddress(db, auth, params.id, params.addressId);
      return withStatus(204);
    }),
  );
  return router;
}
