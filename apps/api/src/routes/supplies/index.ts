import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApproveRequestInput,
  CancelTransferInput,
  ConsumptionInput,
  DeclineRequestInput,
  EffectiveTarget,
  HolderStock,
  HolderStockQuery,
  IdParams,
  ItemListQuery,
  MatrixExportQuery,
  MatrixQuery,
  MovementList,
  MovementListQuery,
  MovementPage,
  ReceiptInput,
  ReceiveTransferInput,
  ReversalInput,
  SchoolTargetInput,
  SchoolTargetParams,
  ShortfallMatrix,
  StockCard,
  StockCardQuery,
  StockCountInput,
  StockCountResult,
  StockMovement,
  SupplyAlertList,
  SupplyItem,
  SupplyItemInput,
  SupplyItemList,
  SupplyItemUpdate,
  SupplyRequest,
  SupplyRequestInput,
  SupplyRequestListQuery,
  SupplyRequestPage,
  SupplyTransfer,
  SupplyTransferInput,
  SupplyTransferListQuery,
  SupplyTransferPage,
  TargetList,
  TargetListQuery,
} from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requestLanguage } from '../../plugins/errors.js';
import { createItem, listItems, updateItem } from '../../services/supplies/catalogue.js';
import { exportMatrix } from '../../services/supplies/export.js';
import { listMovements, recordConsumption, recordCount, recordReceipt, reverseMovement, stockCard } from '../../services/supplies/ledger.js';
import { holderStock, shortfallMatrix, supplyAlerts } from '../../services/supplies/matrix.js';
import { approveRequest, createRequest, declineRequest, getRequest, listRequests, withdrawRequest } from '../../services/supplies/requests.js';
import { clearSchoolTarget, listTargets, setSchoolTarget } from '../../services/supplies/targets.js';
import { cancelTransfer, createTransfer, getTransfer, listTransfers, receiveTransfer } from '../../services/supplies/transfers.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['supplies'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Supplies (物资). Who may call what: the centre (centre_admin) everything;
 * observers read everything; a school's principal and gate staff read and
 * write their own school's stock and requests; class teachers nothing (403).
 * Another school's records read as 404.
 */
const supplyRoutes: FastifyPluginAsyncZod = async (app) => {
  // catalogue
  app.get('/supplies/items', { schema: { tags, summary: 'The catalogue of supplies, with units and default targets', querystring: ItemListQuery, response: { 200: SupplyItemList, ...errorResponses } } }, async (request) => ({
    items: await listItems(app.prisma, requireActor(request), request.query.includeInactive),
  }));
  app.post('/supplies/items', { schema: { tags, summary: 'Add an item to the catalogue (centre)', body: SupplyItemInput, response: { 201: SupplyItem, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createItem(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.patch('/supplies/items/:id', { schema: { tags, summary: 'Rename, reorder, retire an item or change its default target (centre); the unit is fixed once used', params: IdParams, body: SupplyItemUpdate, response: { 200: SupplyItem, ...errorResponses } } }, async (request) =>
    updateItem(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  // the ledger
  app.post('/supplies/receipts', { schema: { tags, summary: 'Record an arrival (source, document number, date, items): at the centre, or at a school from elsewhere', body: ReceiptInput, response: { 201: MovementList, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send({ items: await recordReceipt(app.prisma, requireActor(request), request.auditContext(), request.body) }),
  );
  app.post('/supplies/consumption', { schema: { tags, summary: 'Record what was used (refused beyond the stock, with the balance in the message)', body: ConsumptionInput, response: { 201: MovementList, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send({ items: await recordConsumption(app.prisma, requireActor(request), request.auditContext(), request.body) }),
  );
  app.post('/supplies/counts', { schema: { tags, summary: 'Record a physical count: each difference from the ledger is booked as a count adjustment', body: StockCountInput, response: { 201: StockCountResult, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await recordCount(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.post('/supplies/movements/:id/reverse', { schema: { tags, summary: 'Undo a receipt, use or count by a reversing entry (history is never edited)', params: IdParams, body: ReversalInput, response: { 201: StockMovement, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await reverseMovement(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body.reason)),
  );
  app.get('/supplies/movements', { schema: { tags, summary: 'The ledger, newest first: one holder’s, or all in scope', querystring: MovementListQuery, response: { 200: MovementPage, ...errorResponses } } }, async (request) =>
    listMovements(app.prisma, requireActor(request), request.query),
  );
  app.get('/supplies/stock-card', { schema: { tags, summary: 'A holder’s stock card for one item: every movement with the running balance', querystring: StockCardQuery, response: { 200: StockCard, ...errorResponses } } }, async (request) =>
    stockCard(app.prisma, requireActor(request), request.query),
  );
  app.get('/supplies/stock', { schema: { tags, summary: 'A holder’s stock by item: a school’s figures with their formulas, or the centre’s store', querystring: HolderStockQuery, response: { 200: HolderStock, ...errorResponses } } }, async (request) =>
    holderStock(app.prisma, requireActor(request), request.query, requestLanguage(request)),
  );

  // transfers
  app.get('/supplies/transfers', { schema: { tags, summary: 'Transfers, newest first', querystring: SupplyTransferListQuery, response: { 200: SupplyTransferPage, ...errorResponses } } }, async (request) =>
    listTransfers(app.prisma, requireActor(request), request.query),
  );
  app.post('/supplies/transfers', { schema: { tags, summary: 'Send supplies from the centre to a school (centre): one document, out of the centre now, in transit until received', body: SupplyTransferInput, response: { 201: SupplyTransfer, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createTransfer(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.get('/supplies/transfers/:id', { schema: { tags, summary: 'A transfer with its lines', params: IdParams, response: { 200: SupplyTransfer, ...errorResponses } } }, async (request) =>
    getTransfer(app.prisma, requireActor(request), request.params.id),
  );
  app.post('/supplies/transfers/:id/receive', { schema: { tags, summary: 'Confirm receipt (the school); a different quantity needs a note', params: IdParams, body: ReceiveTransferInput, response: { 200: SupplyTransfer, ...errorResponses } } }, async (request) =>
    receiveTransfer(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.post('/supplies/transfers/:id/cancel', { schema: { tags, summary: 'Cancel a transfer still in transit (centre); its out leg is reversed', params: IdParams, body: CancelTransferInput, response: { 200: SupplyTransfer, ...errorResponses } } }, async (request) =>
    cancelTransfer(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  // requests
  app.get('/supplies/requests', { schema: { tags, summary: 'Requests, newest first', querystring: SupplyRequestListQuery, response: { 200: SupplyRequestPage, ...errorResponses } } }, async (request) =>
    listRequests(app.prisma, requireActor(request), request.query),
  );
  app.post('/supplies/requests', { schema: { tags, summary: 'Ask the centre for supplies (principal, gate staff)', body: SupplyRequestInput, response: { 201: SupplyRequest, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createRequest(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.get('/supplies/requests/:id', { schema: { tags, summary: 'A request with its lines, decision and transfer', params: IdParams, response: { 200: SupplyRequest, ...errorResponses } } }, async (request) =>
    getRequest(app.prisma, requireActor(request), request.params.id),
  );
  app.post('/supplies/requests/:id/approve', { schema: { tags, summary: 'Approve in full or in part (centre); becomes a transfer', params: IdParams, body: ApproveRequestInput, response: { 200: SupplyRequest, ...errorResponses } } }, async (request) =>
    approveRequest(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.post('/supplies/requests/:id/decline', { schema: { tags, summary: 'Decline with a reason (centre)', params: IdParams, body: DeclineRequestInput, response: { 200: SupplyRequest, ...errorResponses } } }, async (request) =>
    declineRequest(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.post('/supplies/requests/:id/withdraw', { schema: { tags, summary: 'Withdraw a pending request (the school that asked)', params: IdParams, response: { 200: SupplyRequest, ...errorResponses } } }, async (request) =>
    withdrawRequest(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  );

  // targets
  app.get('/supplies/targets', { schema: { tags, summary: 'Each school’s target per item: its own or the default, with the formula', querystring: TargetListQuery, response: { 200: TargetList, ...errorResponses } } }, async (request) =>
    listTargets(app.prisma, requireActor(request), request.query, requestLanguage(request)),
  );
  app.put('/supplies/targets/:schoolId/:itemId', { schema: { tags, summary: 'Give a school its own target for an item (centre)', params: SchoolTargetParams, body: SchoolTargetInput, response: { 200: EffectiveTarget, ...errorResponses } } }, async (request) =>
    setSchoolTarget(app.prisma, requireActor(request), request.auditContext(), request.params.schoolId, request.params.itemId, request.body, requestLanguage(request)),
  );
  app.delete('/supplies/targets/:schoolId/:itemId', { schema: { tags, summary: 'Return a school to the item’s default target (centre)', params: SchoolTargetParams, response: { 200: EffectiveTarget, ...errorResponses } } }, async (request) =>
    clearSchoolTarget(app.prisma, requireActor(request), request.auditContext(), request.params.schoolId, request.params.itemId, requestLanguage(request)),
  );

  // the centre's view
  app.get('/supplies/matrix', { schema: { tags, summary: 'The shortfall matrix: schools × items (on hand, in transit, target, shortfall, days of stock, status), column totals; filter, sort, page', querystring: MatrixQuery, response: { 200: ShortfallMatrix, ...errorResponses } } }, async (request) =>
    shortfallMatrix(app.prisma, requireActor(request), request.query),
  );
  app.get('/supplies/matrix/export', { schema: { tags, summary: 'The shortfall matrix as .xlsx with Chinese headers (audited)', querystring: MatrixExportQuery, produces: [XLSX] } }, async (request, reply) => {
    const { file, today } = await exportMatrix(app.prisma, requireActor(request), request.auditContext(), request.query);
    return reply.type(XLSX).header('content-disposition', `attachment; filename="supply-shortfall-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`防控物资缺口表-${today}.xlsx`)}`).send(file);
  });
  app.get('/supplies/alerts', { schema: { tags, summary: 'Schools out of stock or under 3 days of cover, worst first (the dashboard’s top)', response: { 200: SupplyAlertList, ...errorResponses } } }, async (request) =>
    supplyAlerts(app.prisma, requireActor(request)),
  );
};
export default supplyRoutes;
