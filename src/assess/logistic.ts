// A small logistic regression: how a match probability is computed from a
// few evidence features, and how its weights are fitted on a gold file.
// Features are standardised with the training set's mean and spread, so the
// stored weights say how much each feature matters.

export interface LogisticModel {
  /** Feature names, in the order of every vector given to the model. */
  features: readonly string[];
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability for one feature vector. */
export function predictProbability(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * (((x[i] ?? 0) - model.mean[i]!) / model.scale[i]!);
  return sigmoid(z);
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), in units of one example. */
  l2: number;
  iterations: number;
  learningRate: number;
}

const defaultFit: FitOptions = { l2: 1, iterations: 3000, learningRate: 1 };

/** Fits by full-batch gradient descent: deterministic, and quick for a few thousand examples. */
export function fitLogistic(features: readonly string[], xs: readonly (readonly number[])[], ys: readonly number[], options: Partial<FitOptions> = {}): LogisticModel {
  const { l2, iterations, learningRate } = { ...defaultFit, ...options };
  const n = xs.length;
  const d = features.length;
  if (n === 0) throw new Error('fitLogistic: no examples');
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((sum, x) => sum + x[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((sum, x) => sum + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const w = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      let s = bias;
      for (let j = 0; j < d; j++) s += w[j]! * row[j]!;
      const error = sigmoid(s) - ys[i]!;
      for (let j = 0; j < d; j++) grad[j]! += error * row[j]!;
      gradBias += error;
    }
    for (let j = 0; j < d; j++) w[j]! -= (learningRate * (grad[j]! + l2 * w[j]!)) / n;
    bias -= (learningRate * gradBias) / n;
  }
  return { features, mean, scale, weights: w, bias };
}
