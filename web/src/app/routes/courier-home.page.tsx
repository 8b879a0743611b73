import { useAppConfig } from '@/features/app-config/api/get-app-config.api';
import { CourierHomeScreen } from '@/features/courier/components/courier-home-screen';

/** `/courier`: the courier's day, with the map tiles the app is configured with. */
export function CourierHomePage() {
  const config = useAppConfig();
  return <CourierHomeScreen tileUrl={config.data?.mapTileUrl} />;
}
