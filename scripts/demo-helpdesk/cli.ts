// Starts the demo helpdesk for humans: `tsx scripts/demo-helpdesk/cli.ts [--port 8443] [--http]`.
import { parseArgs } from 'node:util';
import { startDemoHelpdesk } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8443' }, http: { type: 'boolean', default: false } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const helpdesk = await startDemoHelpdesk({ port, tls: !values.http });
const origin = helpdesk.origin('acme.zendesk.com');
const { demo } = helpdesk.seed;
console.log(`Demo helpdesk running at ${origin}  (direct: ${helpdesk.localUrl})
Start Chrome with:  --host-resolver-rules="MAP *.zendesk.com 127.0.0.1" --ignore-certificate-errors
Scenarios:
  first contact   ${origin}/agent/tickets/${demo.firstContactTicketId}
  repeat contact  ${origin}/agent/tickets/${demo.repeatContactTicketId}
  bad rating      ${origin}/agent/tickets/${demo.badRatingTicketId}
  2,000 tickets   ${origin}/agent/tickets/${demo.bulkCustomerTicketId}
  Zoë Ångström    ${origin}/agent/tickets/${demo.zoeTicketId}
  no email        ${origin}/agent/tickets/${demo.noEmailTicketId}
  XSS payloads    ${origin}/agent/tickets/${demo.xssTicketId}
Break the API:    curl -k -X POST ${helpdesk.localUrl}/__demo/api-failure -d '{"mode":"429","retryAfterSeconds":7}'
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    helpdesk.close().finally(() => process.exit(0));
  });
}
