namespace Evaluators.Tests.Export;

/// <summary>A fact that is skipped (reported as such) when python3 is not on the PATH.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python.Executable is null) Skip = "python3 is not on the PATH";
    }
}
