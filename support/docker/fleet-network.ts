// The run's own docker network, created with our labels (testcontainers' Network takes none) and a subnet split
// so ZooKeeper members can keep fixed addresses (address-plan.ts).
import Dockerode from 'dockerode';
import { engine } from '../../containers/shared/engine';
import { AddressPlan, addressPlan } from '../../containers/shared/address-plan';
import { runIdentity } from './run-identity';

/** Another run creating a network at the same moment may take the subnet first: it is then asked for again. */
const CREATE_ATTEMPTS = 3;

export class FleetNetwork {
  private constructor(readonly id: string, readonly name: string, private readonly plan: AddressPlan) {}

  /**
   * The engine picks a free subnet (its address pools know what the host already routes), but it gives fixed
   * addresses only on a network whose subnet was given: so a network is made to learn the subnet, then made
   * again with it given and its upper half left to the engine.
   */
  static async create(purpose: string): Promise<FleetNetwork> {
    const { runId, labels } = runIdentity();
    const name = `zkh-${runId}-${purpose}`;
    const docker = await engine();
    const options = { Name: name, Driver: 'bridge', Labels: { ...labels }, CheckDuplicate: true };
    for (let attempt = 1; ; attempt++) {
      const plan = await freeSubnet(docker, options);
      try {
        const network = await docker.createNetwork({ ...options, IPAM: { Driver: 'default', Config: [{ Subnet: plan.subnet, IPRange: plan.dynamicRange }] } });
        return new FleetNetwork(network.id, name, plan);
      } catch (e) {
        if (attempt >= CREATE_ATTEMPTS || !/overlap/i.test((e as Error).message)) throw e;
      }
    }
  }

  /** The n-th fixed address on this network (n from 1): zk-n's, whether it runs or not. */
  fixedAddress(n: number): string {
    return this.plan.fixed(n);
  }

  async remove(): Promise<void> {
    await (await engine()).getNetwork(this.id).remove().catch((e: { statusCode?: number }) => {
      if (e.statusCode !== 404) throw e;
    });
  }
}

/** The subnet the engine would give a network now, learnt by making one and removing it. */
async function freeSubnet(docker: Dockerode, options: Dockerode.NetworkCreateOptions): Promise<AddressPlan> {
  const probe = await docker.createNetwork(options);
  try {
    const subnet = (await probe.inspect()).IPAM?.Config?.find((c: { Subnet?: string }) => c.Subnet?.includes('.'))?.Subnet;
    if (!subnet) throw new Error(`the engine gave network ${options.Name} no IPv4 subnet`);
    return addressPlan(subnet);
  } finally {
    await probe.remove();
  }
}
