/** One line per event on stdout, so `docker logs` reads as a timeline. */
export function log(topic: string, message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${topic}: ${message}\n`);
}
