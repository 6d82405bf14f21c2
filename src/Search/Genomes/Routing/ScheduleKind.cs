namespace Search.Genomes.Routing;

/// <summary>How a dense-to-sparse temperature moves from its start to its end value over its steps.</summary>
public enum ScheduleKind { Linear, Cosine, Exp }
