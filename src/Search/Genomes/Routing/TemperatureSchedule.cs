namespace Search.Genomes.Routing;

/// <summary>A dense-to-sparse gate temperature: from <see cref="Start"/> down to <see cref="End"/> (End &lt;= Start) over <see cref="Steps"/> steps.</summary>
public sealed record TemperatureSchedule(double Start, double End, ScheduleKind Kind, int Steps);
