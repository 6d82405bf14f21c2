namespace Bench;

/// <summary>
/// One benchmark command (`dotnet run -c Release --project bench -- NAME`). Implementations are
/// found by reflection, so adding a benchmark is adding one file. Each prints progress as it goes
/// and its figures last as `name: value` lines.
/// </summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}
