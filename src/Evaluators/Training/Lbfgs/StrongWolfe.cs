namespace Evaluators.Training.Lbfgs;

/// <summary>A trial point of a line search: step t, loss f, gradient g and the slope g.d along the direction.</summary>
internal readonly record struct LinePoint(double T, double F, double[] G, double Slope);

/// <summary>
/// A line search along d satisfying the strong Wolfe conditions (Nocedal and Wright, Numerical
/// Optimization, algorithms 3.5 and 3.6): sufficient decrease f(t) <= f(0) + c1 t f'(0) and curvature
/// |f'(t)| <= c2 |f'(0)|. Bracketing extrapolates and zooming interpolates with the cubic through two
/// points' values and slopes, safeguarded by bisection. Returns the best acceptable point found.
/// </summary>
internal static class StrongWolfe
{
    private const double C1 = 1e-4, C2 = 0.9;
    private const int MaxTrials = 25;

    /// <param name="at">Evaluates loss and gradient at step t along d (sets the parameters there).</param>
    public static (LinePoint Point, int Evaluations) Search(Func<double, LinePoint> at, LinePoint start, double t, double dMax, double changeTolerance)
    {
        var previous = start;
        var current = at(t);
        int evaluations = 1;
        LinePoint lo, hi;
        while (true)
        {
            if (current.F > start.F + C1 * current.T * start.Slope || (evaluations > 1 && current.F >= previous.F))
            {
                (lo, hi) = (previous, current);
                break;
            }
            if (Math.Abs(current.Slope) <= -C2 * start.Slope) return (current, evaluations);
            if (current.Slope >= 0)
            {
                (lo, hi) = (current, previous);
                break;
            }
            if (evaluations >= MaxTrials) return (current, evaluations);
            // Extrapolate: the cubic's minimiser kept within [t + 0.01 (t - t_prev), 10 t].
            double low = current.T + 0.01 * (current.T - previous.T), high = current.T * 10;
            double next = Cubic(previous, current, low, high);
            previous = current;
            current = at(next);
            evaluations++;
        }

        // Zoom: lo satisfies sufficient decrease and has the lower loss; hi closes the bracket.
        while (evaluations < MaxTrials && Math.Abs(hi.T - lo.T) * dMax >= changeTolerance)
        {
            double a = Math.Min(lo.T, hi.T), b = Math.Max(lo.T, hi.T);
            double t2 = Cubic(lo, hi, a, b);
            // Too close to an end of the bracket: make progress by bisection instead.
            double margin = 0.1 * (b - a);
            if (t2 - a < margin || b - t2 < margin) t2 = (a + b) / 2;
            var trial = at(t2);
            evaluations++;
            if (trial.F > start.F + C1 * trial.T * start.Slope || trial.F >= lo.F)
            {
                hi = trial;
            }
            else
            {
                if (Math.Abs(trial.Slope) <= -C2 * start.Slope) return (trial, evaluations);
                if (trial.Slope * (hi.T - lo.T) >= 0) hi = lo;
                lo = trial;
            }
        }
        return (lo, evaluations);
    }

    /// <summary>The minimiser of the cubic through (t1, f1, f1') and (t2, f2, f2'), clamped to [low, high]; the midpoint when it has none.</summary>
    internal static double Cubic(LinePoint p1, LinePoint p2, double low, double high)
    {
        double d1 = p1.Slope + p2.Slope - 3 * (p1.F - p2.F) / (p1.T - p2.T);
        double square = d1 * d1 - p1.Slope * p2.Slope;
        if (square < 0 || !double.IsFinite(square)) return (low + high) / 2;
        double d2 = Math.Sign(p2.T - p1.T) * Math.Sqrt(square);
        double t = p2.T - (p2.T - p1.T) * ((p2.Slope + d2 - d1) / (p2.Slope - p1.Slope + 2 * d2));
        return double.IsFinite(t) ? Math.Clamp(t, low, high) : (low + high) / 2;
    }
}
