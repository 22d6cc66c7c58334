import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalStatus,
  averageDailyUse,
  balanceAfter,
  daysOfStock,
  isAlert,
  quantityProblem,
  ReceiptInput,
  runningBalances,
  shortfall,
  stockOnHand,
  stockStatus,
  supplyCell,
  supplyFormula,
  targetQuantity,
  useWindow,
  worstStatus,
} from '../src/supplies.js';
import { issuesToFields } from '../src/validation.js';

/** Quantities as the API takes them: at most two decimals. */
const quantity = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((hundredths) => hundredths / 100);

describe('the ledger', () => {
  it('stock on hand is the sum of the movements, whatever their order, without float drift', () => {
    fc.assert(
      fc.property(fc.array(quantity, { maxLength: 200 }), (quantities) => {
        const movements = quantities.map((value) => ({ quantity: value }));
        const exact = quantities.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
        expect(stockOnHand(movements)).toBe(exact);
        expect(stockOnHand([...movements].reverse())).toBe(exact);
      }),
    );
    // 0.1 + 0.2 L is 0.3 L here, not 0.30000000000000004.
    expect(stockOnHand([{ quantity: 0.1 }, { quantity: 0.2 }])).toBe(0.3);
  });

  it('the running balance ends at the stock on hand, and a reversal brings it back exactly', () => {
    fc.assert(
      fc.property(fc.array(quantity, { minLength: 1, maxLength: 100 }), fc.nat(), (quantities, pick) => {
        const movements = quantities.map((value) => ({ quantity: value }));
        const balances = runningBalances(movements);
        expect(balances.at(-1)).toBe(stockOnHand(movements));
        const reversed = movements[pick % movements.length]!;
        const withReversal = [...movements, { quantity: -reversed.quantity }];
        expect(stockOnHand(withReversal)).toBe(stockOnHand(movements.filter((movement) => movement !== reversed)));
      }),
    );
  });

  it('appending only what the balance allows never lets stock go below zero', () => {
    fc.assert(
      fc.property(fc.array(quantity, { maxLength: 200 }), (attempts) => {
        let balance = 0;
        const accepted: { quantity: number }[] = [];
        for (const attempt of attempts) {
          const next = balanceAfter(balance, attempt);
          if (next === null) {
            expect(balance + attempt).toBeLessThan(0);
            continue;
          }
          balance = next;
          accepted.push({ quantity: attempt });
        }
        expect(runningBalances(accepted).every((value) => value >= 0)).toBe(true);
        expect(stockOnHand(accepted)).toBe(balance);
      }),
    );
  });

  it('refuses exactly the movement that would go below zero', () => {
    expect(balanceAfter(210, -210)).toBe(0);
    expect(balanceAfter(210, -210.01)).toBeNull();
    expect(balanceAfter(0.3, -0.1)).toBe(0.2);
  });
});

describe('quantities fit the unit', () => {
  it('pieces are whole, litres take two decimals, nothing takes three', () => {
    expect(quantityProblem(24, 'piece')).toBeNull();
    expect(quantityProblem(24.5, 'piece')).toBe('field.quantity_whole');
    expect(quantityProblem(1.25, 'litre')).toBeNull();
    expect(quantityProblem(1.255, 'litre')).toBe('field.quantity_decimals');
    expect(quantityProblem(0.07, 'kilogram')).toBeNull();
  });

  it('an input with a third decimal or a duplicated item is a field error in the user’s language', () => {
    const itemId = '00000000-0000-4000-8000-000000000001';
    const parsed = ReceiptInput.safeParse({ source: 'donation', lines: [{ itemId, quantity: 1.005 }, { itemId, quantity: 1 }] });
    expect(parsed.success).toBe(false);
    expect(issuesToFields(parsed.error!.issues, 'zh-CN')).toEqual({ 'lines.0.quantity': '数量最多保留两位小数', 'lines.1.itemId': '同一物资只能填写一行' });
    expect(issuesToFields(ReceiptInput.safeParse({ source: 'donation', lines: [] }).error!.issues, 'en')).toEqual({ lines: 'Enter at least one item' });
  });
});

describe('targets and shortfall', () => {
  const heads = { everyone: 52, staff: 6 };

  it('per head × per day × days, rounded up to what the unit holds', () => {
    expect(targetQuantity({ mode: 'per_head', basis: 'everyone', perDay: 2, days: 14 }, heads, 'piece')).toBe(1456);
    expect(targetQuantity({ mode: 'per_head', basis: 'staff', perDay: 2, days: 14 }, heads, 'pair')).toBe(168);
    // 52 × 0.02 × 14 = 14.56 L; 52 × 0.01 × 14 = 7.28 bottles → 8.
    expect(targetQuantity({ mode: 'per_head', basis: 'everyone', perDay: 0.02, days: 14 }, heads, 'litre')).toBe(14.56);
    expect(targetQuantity({ mode: 'per_head', basis: 'everyone', perDay: 0.01, days: 14 }, heads, 'bottle')).toBe(8);
    expect(targetQuantity({ mode: 'fixed', quantity: 2 }, heads, 'piece')).toBe(2);
    expect(targetQuantity(null, heads, 'piece')).toBeNull();
  });

  it('shortfall is target minus on hand, never negative', () => {
    fc.assert(
      fc.property(quantity.map(Math.abs), quantity.map(Math.abs), (target, onHand) => {
        const gap = shortfall(target, onHand)!;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBe(Math.max(0, Math.round((target - onHand) * 100) / 100));
      }),
    );
    expect(shortfall(null, 10)).toBeNull();
  });
});

describe('days of stock and status', () => {
  const today = '2026-02-26';

  it('averages the last 7 complete days, from the first day with use', () => {
    expect(useWindow(today)).toEqual({ from: '2026-02-19', to: '2026-02-25' });
    expect(averageDailyUse(700, '2026-02-10', today)).toEqual({ dailyUse: 100, daysObserved: 7 });
    // Started two days ago: averaged over two days, not seven.
    expect(averageDailyUse(200, '2026-02-24', today)).toEqual({ dailyUse: 100, daysObserved: 2 });
    expect(averageDailyUse(0, null, today)).toEqual({ dailyUse: null, daysObserved: 0 });
  });

  it('days of stock round down to a tenth', () => {
    expect(daysOfStock(218, 24)).toBe(9);
    expect(daysOfStock(234, 16)).toBe(14.6);
    expect(daysOfStock(100, null)).toBeNull();
  });

  it('status: stock-out, short (below target or under 3 days), unknown without target or use, adequate', () => {
    expect(stockStatus({ onHand: 0, target: 140, dailyUse: null, daysLeft: null })).toBe('stock_out');
    expect(stockStatus({ onHand: 0, target: null, dailyUse: 5, daysLeft: 0 })).toBe('stock_out');
    expect(stockStatus({ onHand: 200, target: 336, dailyUse: 10, daysLeft: 20 })).toBe('short');
    expect(stockStatus({ onHand: 400, target: 336, dailyUse: 200, daysLeft: 2 })).toBe('short');
    expect(stockStatus({ onHand: 400, target: 336, dailyUse: null, daysLeft: null })).toBe('adequate');
    expect(stockStatus({ onHand: 5, target: null, dailyUse: null, daysLeft: null })).toBe('unknown');
    // Needing none and having none is not a stock-out (gloves for a school without staff).
    expect(stockStatus({ onHand: 0, target: 0, dailyUse: null, daysLeft: null })).toBe('adequate');
    expect(worstStatus(['adequate', 'unknown', 'short'])).toBe('short');
    expect(isAlert({ status: 'adequate', daysLeft: 2.9 })).toBe(true);
    expect(isAlert({ status: 'short', daysLeft: 3 })).toBe(false);
  });
});

describe('a cell and the formula behind each number', () => {
  const cell = supplyCell({
    itemId: 'mask',
    unit: 'piece',
    kind: 'consumable',
    onHand: 600,
    inTransit: 300,
    schoolRule: null,
    defaultRule: { mode: 'per_head', basis: 'everyone', perDay: 2, days: 14 },
    heads: { everyone: 52, staff: 6 },
    usedInWindow: 700,
    firstUseDay: '2026-02-01',
    today: '2026-02-26',
  });

  it('computes every figure in one place', () => {
    expect(cell).toMatchObject({ target: 1456, targetSource: 'default', shortfall: 856, dailyUse: 100, daysLeft: 6, status: 'short' });
  });

  it('explains them in Chinese and English', () => {
    const context = { unit: 'piece' as const, heads: { everyone: 52, staff: 6 } };
    expect(supplyFormula('target', cell, { ...context, language: 'zh-CN' })).toBe('目标库存 = 52 人(师生)× 2 个/人/天 × 14 天 = 1,456 个(默认)');
    expect(supplyFormula('shortfall', cell, { ...context, language: 'zh-CN' })).toBe('缺口 = max(0, 目标 1,456 − 现有 600) = 856 个');
    expect(supplyFormula('days_left', cell, { ...context, language: 'zh-CN' })).toBe('可用天数 = 现有 600 ÷ 日均用量 100(近 7 天共用 700)= 6 天');
    expect(supplyFormula('status', cell, { ...context, language: 'zh-CN' })).toBe('不足:低于目标,缺口 856 个');
    expect(supplyFormula('target', cell, { ...context, language: 'en' })).toBe('Target = 52 people × 2 pcs/person/day × 14 days = 1,456 pcs (default)');
  });

  it('equipment has no days of stock', () => {
    const thermometers = supplyCell({ ...cellInput(), kind: 'equipment', defaultRule: { mode: 'fixed', quantity: 2 }, onHand: 1 });
    expect(thermometers).toMatchObject({ target: 2, shortfall: 1, dailyUse: null, daysLeft: null, status: 'short' });
  });
});

function cellInput() {
  return {
    itemId: 'x',
    unit: 'piece' as const,
    kind: 'consumable' as const,
    onHand: 0,
    inTransit: 0,
    schoolRule: null,
    defaultRule: null,
    heads: { everyone: 10, staff: 2 },
    usedInWindow: 5,
    firstUseDay: '2026-02-25',
    today: '2026-02-26',
  };
}

describe('request decisions', () => {
  it('all asked → approved, some → partly approved, nothing → a decline', () => {
    expect(approvalStatus([{ requestedQuantity: 400, approvedQuantity: 400 }])).toBe('approved');
    expect(approvalStatus([{ requestedQuantity: 400, approvedQuantity: 300 }, { requestedQuantity: 20, approvedQuantity: 20 }])).toBe('partly_approved');
    expect(approvalStatus([{ requestedQuantity: 400, approvedQuantity: 0 }])).toBe('declined');
  });
});
