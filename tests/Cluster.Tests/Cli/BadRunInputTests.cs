namespace Cluster.Tests.Cli;

/// <summary>The search commands answer a bad space file or run directory with one line naming it, exit code 2, and nothing written.</summary>
public sealed class BadRunInputTests
{
    [Fact]
    public void A_bad_space_file_is_named_with_its_line_and_no_run_directory_is_made()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"bad-space-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string space = Path.Combine(dir, "space.yaml");
        File.WriteAllText(space, "name: t\nfamily:\n  name: norm-act\n  groups: 0\n");
        string output = Path.Combine(dir, "run");

        var (code, _, stderr) = ProgramRunner.Run("run", space, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains($"{space}:4:", stderr);
        Assert.Contains("value 0 of 'groups' is out of range; expected 1..4096", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_directory_that_already_holds_a_run_is_refused_and_left_alone()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"taken-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string info = Path.Combine(dir, "run.json");
        File.WriteAllText(info, "{}");

        var (code, _, stderr) = ProgramRunner.Run("run", "--out", dir);

        Assert.Equal(2, code);
        Assert.Contains($"{dir} already holds a run; resume it or choose another directory", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("{}", File.ReadAllText(info));
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("status")]
    public void A_directory_without_a_run_is_named(string command)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"no-run-{Guid.NewGuid():N}");
        var (code, _, stderr) = ProgramRunner.Run(command, dir);
        Assert.Equal(2, code);
        Assert.Contains($"{dir} holds no run (no run.json)", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
