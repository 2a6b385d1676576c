// The ZooKeeper-aware gateway: may route only to this fleet's web nodes; steady when it routes to all of them.
import { ComponentKind, BuildContext } from './component-kind';
import { GatewayContainer } from '../../../containers/gateway/gateway-container';
import { StartedGateway } from '../../../containers/gateway/started-gateway';
import { SettingError } from '../../../containers/shared/errors';
import { publishHost } from '../../../containers/shared/engine';
import { fleetProbes } from '../fleet-probes';
import { settings } from '../../settings';

export const gatewayComponent: ComponentKind<StartedGateway> = {
  kind: 'gateway',
  image: 'gateway',
  wanted: (spec) => spec.gateway,
  start(ctx: BuildContext, image: string) {
    const port = settings().gatewayPort;
    return new GatewayContainer()
      .withImage(image).withNetwork(ctx.networkName).withLabels(ctx.labels)
      .withZooKeeper(ctx.zkConnect, ctx.timing.sessionTimeoutMs)
      .withBackendAllowlist([...ctx.nodeNames])
      .withHostPort(port)
      .start()
      .catch((e: Error) => {
        if (port && /address already in use|port is already allocated/i.test(e.message)) {
          throw new SettingError(`ZKH_GATEWAY_PORT=${port} is already taken on ${publishHost()}: free it or choose another port.`);
        }
        throw e;
      });
  },
  steady: (fleet) => fleetProbes.gatewayRoutesOnlyTo(fleet, fleet.nodeNames()),
  async diagnostics(fleet) {
    return { 'gateway-status.json': JSON.stringify(await fleet.gateway().status().catch((e: Error) => ({ error: e.message })), null, 2) };
  },
};
