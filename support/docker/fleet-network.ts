// The run's own docker network, created with our labels (testcontainers' Network takes none).
import { engine } from '../../containers/shared/engine';
import { runIdentity } from './run-identity';

export class FleetNetwork {
  private constructor(readonly id: string, readonly name: string) {}

  static async create(purpose: string): Promise<FleetNetwork> {
    const { runId, labels } = runIdentity();
    const name = `zkh-${runId}-${purpose}`;
    const network = await (await engine()).createNetwork({ Name: name, Driver: 'bridge', Labels: { ...labels }, CheckDuplicate: true });
    return new FleetNetwork(network.id, name);
  }

  async remove(): Promise<void> {
    await (await engine()).getNetwork(this.id).remove().catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 404) throw e;
    });
  }
}
