import { assertChairPair, nextChair, rotateChairs } from '../../../bot/src/domain/chair-rotation';

describe('chair rotation', () => {
  const pair = assertChairPair(['anna', 'erik']);

  it('alternates between the two strategists', () => {
    expect(rotateChairs(pair, 5, null)).toEqual(['anna', 'erik', 'anna', 'erik', 'anna']);
  });

  it('carries on after whoever chaired last', () => {
    expect(rotateChairs(pair, 3, 'anna')).toEqual(['erik', 'anna', 'erik']);
    expect(nextChair(pair, 'erik')).toBe('anna');
  });

  it('starts with the first strategist when the last chair was someone else', () => {
    expect(nextChair(pair, 'a-former-strategist')).toBe('anna');
  });

  it('needs exactly two distinct strategists', () => {
    expect(() => assertChairPair(['anna'])).toThrow(expect.objectContaining({ code: 'chair.needs-two-strategists' }));
    expect(() => assertChairPair(['anna', 'anna'])).toThrow(expect.objectContaining({ code: 'chair.needs-two-strategists' }));
    expect(() => assertChairPair(['anna', 'erik', 'sara'])).toThrow(expect.objectContaining({ code: 'chair.needs-two-strategists' }));
  });
});
