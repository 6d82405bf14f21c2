using TorchSharp.Modules;

namespace Evaluators.Training.Lbfgs;

/// <summary>
/// Full-batch L-BFGS with a strong-Wolfe line search (TorchSharp's native LBFGS has no line search,
/// and without one the fits pykan reports diverge or stall). Each <see cref="Step"/> runs up to
/// <see cref="LbfgsOptions.MaxIterations"/> iterations, keeping the curvature history across steps
/// as torch.optim.LBFGS does. The closure zeroes nothing itself: it must compute the loss and call
/// backward on freshly zeroed gradients (see <see cref="Step"/>).
/// </summary>
public sealed class LbfgsOptimizer
{
    private readonly FlatParameters _flat;
    private readonly LbfgsOptions _options;
    private readonly LinkedList<(double[] S, double[] Y, double Rho)> _history = new();
    private bool _started;

    public LbfgsOptimizer(IEnumerable<Parameter> parameters, LbfgsOptions? options = null)
    {
        _flat = new FlatParameters(parameters.ToArray());
        _options = options ?? new LbfgsOptions();
        if (_options.HistorySize < 1) throw new ArgumentException($"history size = {_options.HistorySize}: expected at least 1");
        if (!(_options.LearningRate > 0)) throw new ArgumentException($"learning rate = {_options.LearningRate}: expected > 0");
    }

    /// <summary>Function evaluations so far.</summary>
    public int Evaluations { get; private set; }

    /// <summary>
    /// One step; <paramref name="lossAndBackward"/> computes the loss at the current parameters and calls
    /// backward (gradients are zeroed before each call). Returns the loss at the start of the step.
    /// </summary>
    public double Step(Func<double> lossAndBackward)
    {
        (double f, double[] g) Evaluate()
        {
            _flat.ZeroGradients();
            double loss = lossAndBackward();
            Evaluations++;
            return (loss, _flat.Gradients());
        }

        var (f, g) = Evaluate();
        double first = f;
        if (!double.IsFinite(f) || MaxAbs(g) <= _options.GradientTolerance) return first;
        var x = _flat.Values();
        int evaluations = 1;
        for (int iteration = 0; iteration < _options.MaxIterations; iteration++)
        {
            var d = Direction(g);
            double slope = Dot(g, d);
            if (slope > -_options.ChangeTolerance)
            {
                // Not a descent direction (stale curvature): restart from steepest descent once.
                if (_history.Count == 0) break;
                _history.Clear();
                d = Direction(g);
                slope = Dot(g, d);
                if (slope > -_options.ChangeTolerance) break;
            }
            double t = _started ? _options.LearningRate : Math.Min(1.0, 1.0 / SumAbs(g)) * _options.LearningRate;
            _started = true;

            var origin = x;
            var start = new LinePoint(0, f, g, slope);
            LinePoint At(double step)
            {
                var trial = new double[origin.Length];
                for (int i = 0; i < trial.Length; i++) trial[i] = origin[i] + step * d[i];
                _flat.Set(trial);
                var (ft, gt) = Evaluate();
                return new LinePoint(step, double.IsFinite(ft) ? ft : double.PositiveInfinity, gt, Dot(gt, d));
            }
            var (point, used) = StrongWolfe.Search(At, start, t, MaxAbs(d), _options.ChangeTolerance);
            evaluations += used;

            var xNew = new double[x.Length];
            for (int i = 0; i < x.Length; i++) xNew[i] = x[i] + point.T * d[i];
            _flat.Set(xNew); // the accepted point (the last trial may have been another)
            if (!(point.F <= f)) { _flat.Set(x); break; } // no decrease found: keep the old point
            Remember(xNew, x, point.G, g);
            double change = Math.Abs(point.F - f);
            double stepSize = MaxAbs(d) * point.T;
            (x, f, g) = (xNew, point.F, point.G);
            if (evaluations >= _options.EvaluationLimit) break;
            if (MaxAbs(g) <= _options.GradientTolerance) break;
            if (stepSize <= _options.ChangeTolerance || change < _options.ChangeTolerance) break;
        }
        return first;
    }

    private void Remember(double[] xNew, double[] x, double[] gNew, double[] g)
    {
        var s = new double[x.Length];
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++) { s[i] = xNew[i] - x[i]; y[i] = gNew[i] - g[i]; }
        double ys = Dot(y, s);
        if (ys <= 1e-10) return; // curvature condition fails: skip the pair, as torch does
        if (_history.Count == _options.HistorySize) _history.RemoveFirst();
        _history.AddLast((s, y, 1.0 / ys));
    }

    /// <summary>d = -H g by the two-loop recursion, H0 = (s.y / y.y) I from the newest pair.</summary>
    private double[] Direction(double[] g)
    {
        var q = (double[])g.Clone();
        var alphas = new Stack<double>();
        for (var node = _history.Last; node is not null; node = node.Previous)
        {
            var (s, y, rho) = node.Value;
            double a = rho * Dot(s, q);
            alphas.Push(a);
            Axpy(-a, y, q);
        }
        if (_history.Last is { } newest)
        {
            var (s, y, _) = newest.Value;
            double gamma = Dot(s, y) / Dot(y, y);
            for (int i = 0; i < q.Length; i++) q[i] *= gamma;
        }
        for (var node = _history.First; node is not null; node = node.Next)
        {
            var (s, y, rho) = node.Value;
            double b = rho * Dot(y, q);
            Axpy(alphas.Pop() - b, s, q);
        }
        for (int i = 0; i < q.Length; i++) q[i] = -q[i];
        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] v) => v.Length == 0 ? 0 : v.Max(Math.Abs);

    private static double SumAbs(double[] v) => v.Sum(Math.Abs);
}
