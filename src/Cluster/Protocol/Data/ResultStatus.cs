namespace Cluster.Protocol.Data;

/// <summary>Outcome of an evaluation on the wire; the values are the stored bytes, so never renumber them.</summary>
public enum ResultStatus
{
    Accepted = 0,
    Rejected = 1,
    Failed = 2,
}
