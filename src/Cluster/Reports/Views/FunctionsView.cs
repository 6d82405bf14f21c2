using System.Text;

namespace Cluster.Reports.Views;

/// <summary>The layers themselves, by family: activation curves, norm-act formulas, KAN bases, routing measures.</summary>
public static class FunctionsView
{
    public static void Render(StringBuilder sb, RunView run)
    {
        switch (run.Family)
        {
            case "activation": ActivationCurvesView.Render(sb, run); break;
            case "norm-act": FormulaView.Render(sb, run); break;
            case "kan-basis": KanBasisView.Render(sb, run); break;
            case "routing": RoutingView.Render(sb, run); break;
        }
    }
}
