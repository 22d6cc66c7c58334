import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateOfIdNumber, genderOfIdNumber, idCheckCharacter, idNumberProblem, isValidIdNumber, maskIdNumber, normaliseIdNumber } from '../src/id-number.js';
import { isValidPhone, maskPhone, normalisePhone } from '../src/phone.js';
import { PersonInput, PersonUpdate } from '../src/people.js';

describe('GB 11643-1999 ID numbers', () => {
  it('accepts the standard’s own example and computes X check characters', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(birthDateOfIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(genderOfIdNumber('11010519491231002X')).toBe('female');
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('11010519491231002')).toBe('lost_x');
    expect(idNumberProblem('110105194912310021')).toBe('check_digit');
    expect(idNumberProblem('110105194902300021')).toBe('birth_date');
    expect(idNumberProblem('990105194912310021')).toBe('region');
    expect(idNumberProblem('11010519491231002Y')).toBe('characters');
    expect(idNumberProblem('1101051949')).toBe('length');
    expect(idNumberProblem('1.10105194912310E+17')).toBe('scientific');
    expect(idNumberProblem(`11010520${new Date().getFullYear() + 1}01010011`.slice(0, 18))).not.toBeNull();
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(normaliseIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('any 17 valid digits plus their check character is valid; any other last character is not', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'),
        (birth, sequence, last) => {
          const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
          const first17 = `500118${date}${String(sequence).padStart(3, '0')}`;
          const valid = first17 + idCheckCharacter(first17);
          expect(idNumberProblem(valid)).toBeNull();
          if (last !== valid[17]) expect(idNumberProblem(first17 + last)).toBe('check_digit');
        },
      ),
    );
  });

  it('masks all but the first 6 and last 1', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105***********X');
  });
});

describe('phones', () => {
  it('accepts mobiles and landlines, normalises, masks', () => {
    expect(normalisePhone('+86 138 0000 5678')).toBe('13800005678');
    expect(normalisePhone('１３８００００５６７８')).toBe('13800005678');
    expect(isValidPhone('13800005678')).toBe(true);
    expect(isValidPhone('023-49876543')).toBe(true);
    expect(isValidPhone('1380000')).toBe(false);
    expect(isValidPhone('12800005678')).toBe(false);
    expect(maskPhone('13800005678')).toBe('138****5678');
    expect(maskPhone('023-49876543')).toBe('0234****6543');
  });
});

describe('person schemas', () => {
  it('an edit that names one field does not reset the others to defaults', () => {
    const update = PersonUpdate.parse({ name: '新名字' });
    expect(update).toEqual({ name: '新名字' });
  });

  it('a new person gets the defaults', () => {
    const input = PersonInput.parse({ schoolId: '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', kind: 'staff', name: '张老师' });
    expect(input).toMatchObject({ whereabouts: 'home_township', leftBehind: false, guardians: [], idNumber: null });
  });
});
