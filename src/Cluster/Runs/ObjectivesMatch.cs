namespace Cluster.Runs;

/// <summary>How a retrained member's objectives compare with those its run recorded (<see cref="RetrainedObjectives.Compare"/>).</summary>
public enum ObjectivesMatch
{
    /// <summary>Bit for bit (an objective not measured, NaN, equals NaN).</summary>
    Identical,

    /// <summary>Each within the tolerance.</summary>
    WithinTolerance,

    /// <summary>One at least beyond the tolerance, or a different count.</summary>
    Different,
}
