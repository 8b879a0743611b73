import { Router } from 'express';
import { z } from 'zod';
import {
  CitizenAddressInputSchema,
  CitizenSearchQuerySchema,
  CreateCitizenSchema,
  IdParamsSchema,
  UpdateCitizenSchema,
} from '@tannha/shared';
import { endpoint, OFFICE_ROLES, withStatus, type ModuleDeps } from '../../lib/http';
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

/** /api/citizens — the caller directory (office roles; couriers see callers through their jobs). */
export function citizensRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/citizens',
    endpoint({ roles: OFFICE_ROLES, query: CitizenSearchQuerySchema }, async ({ auth, query }) => ({
      items: await searchCitizens(db, auth, query),
    })),
  );
  router.post(
    '/citizens',
    endpoint({ roles: OFFICE_ROLES, body: CreateCitizenSchema }, async ({ auth, body }) =>
      withStatus(201, await createCitizen(db, auth, body)),
    ),
  );
  router.get(
    '/citizens/:id',
    endpoint({ roles: OFFICE_ROLES, params: IdParamsSchema }, async ({ auth, params }) =>
      getCitizen(db, auth, params.id),
    ),
  );
  router.patch(
    '/citizens/:id',
    endpoint(
      { roles: OFFICE_ROLES, params: IdParamsSchema, body: UpdateCitizenSchema },
      async ({ auth, params, body }) => updateCitizen(db, auth, params.id, body),
    ),
  );
  router.get(
    '/citizens/:id/history',
    endpoint({ roles: OFFICE_ROLES, params: IdParamsSchema }, async ({ auth, params }) =>
      getCitizenHistory(db, auth, params.id),
    ),
  );
  router.post(
    '/citizens/:id/addresses',
    endpoint(
      { roles: OFFICE_ROLES, params: IdParamsSchema, body: CitizenAddressInputSchema },
      async ({ auth, params, body }) =>
        withStatus(201, await addCitizenAddress(db, auth, params.id, body)),
    ),
  );
  router.put(
    '/citizens/:id/addresses/:addressId',
    endpoint(
      { roles: OFFICE_ROLES, params: AddressParams, body: CitizenAddressInputSchema },
      async ({ auth, params, body }) =>
        updateCitizenAddress(db, auth, params.id, params.addressId, body),
    ),
  );
  router.delete(
    '/citizens/:id/addresses/:addressId',
    endpoint({ roles: OFFICE_ROLES, params: AddressParams }, async ({ auth, params }) => {
      await deleteCitizenAddress(db, auth, params.id, params.addressId);
      return withStatus(204);
    }),
  );
  return router;
}
