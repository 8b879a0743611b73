import { Router } from 'express';
import { z } from 'zod';
import {
  CitizenAddressInputSchema,
  CitizenSearchQuerySchema,
  CreateCitizenSchema,
  IdParamsSchema,
  UpdateCitizenSchema,
} from '@tannha/shared';
import { endpoint, withStatus, type ModuleDeps } from '../../lib/http';
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
    endpoint(
      { can: 'citizens.search', query: CitizenSearchQuerySchema },
      async ({ auth, query }) => ({
        items: await searchCitizens(db, auth, query),
      }),
    ),
  );
  router.post(
    '/citizens',
    endpoint({ can: 'citizens.create', body: CreateCitizenSchema }, async ({ auth, body }) =>
      withStatus(201, await createCitizen(db, auth, body)),
    ),
  );
  router.get(
    '/citizens/:id',
    endpoint({ can: 'citizens.read', params: IdParamsSchema }, async ({ auth, params }) =>
      getCitizen(db, auth, params.id),
    ),
  );
  router.patch(
    '/citizens/:id',
    endpoint(
      { can: 'citizens.update', params: IdParamsSchema, body: UpdateCitizenSchema },
      async ({ auth, params, body }) => updateCitizen(db, auth, params.id, body),
    ),
  );
  router.get(
    '/citizens/:id/history',
    endpoint({ can: 'citizens.read', params: IdParamsSchema }, async ({ auth, params }) =>
      getCitizenHistory(db, auth, params.id),
    ),
  );
  router.post(
    '/citizens/:id/addresses',
    endpoint(
      { can: 'citizens.update', params: IdParamsSchema, body: CitizenAddressInputSchema },
      async ({ auth, params, body }) =>
        withStatus(201, await addCitizenAddress(db, auth, params.id, body)),
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
