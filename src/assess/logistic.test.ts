import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitLogistic, predictProbability } from './logistic.js';

describe('logistic model', () => {
  it('fits a separable rule and predicts on the right side of 0.5', () => {
    // y = 1 when the first feature is large; the second is noise on another scale.
    const xs = Array.from({ length: 60 }, (_, i) => [i / 10, (i * 7919) % 13]);
    const ys = xs.map(([a]) => (a! > 3 ? 1 : 0));
    const model = fitLogistic(['a', 'noise'], xs, ys);
    assert.ok(model.weights[0]! > 1, `weight of the signal: ${model.weights[0]}`);
    assert.ok(Math.abs(model.weights[1]!) < Math.abs(model.weights[0]!) / 3, 'noise weighs little');
    assert.ok(predictProbability(model, [5, 4]) > 0.9);
    assert.ok(predictProbability(model, [1, 4]) < 0.1);
  });

  it('standardises features, so a constant one does not divide by zero', () => {
    const model = fitLogistic(['constant'], [[2], [2], [2], [2]], [0, 1, 0, 1]);
    assert.equal(model.scale[0], 1);
    assert.ok(Math.abs(predictProbability(model, [2]) - 0.5) < 1e-6);
  });

  it('refuses to fit without examples', () => {
    assert.throws(() => fitLogistic(['a'], [], []), /no examples/);
  });
});
