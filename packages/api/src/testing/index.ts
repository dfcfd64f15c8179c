export { startTestServer, TEST_ADMIN_TOKEN, ENGINES, type Engine, type TestServer } from './server.js';
export { createTestDatabase, freePort } from './postgres.js';
export { startFaultProxy, type Fault, type FaultProxy, type ProxyRequest } from './fault-proxy.js';
export { startTestSmtp, testMailConfig, type TestSmtp, type ReceivedMail, type SmtpMode } from './smtp.js';
