using Evaluators.Data.Fetch;
using Evaluators.Data.Idx;

namespace Evaluators.Tests.Data;

/// <summary>A fact that is skipped (reported as such) when the Debian Fashion-MNIST package is not installed.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!IdxDataset.HasAllFiles(FashionMnistSource.SystemDirectory))
            Skip = $"Fashion-MNIST not installed in {FashionMnistSource.SystemDirectory} (apt-get install dataset-fashion-mnist)";
    }
}
