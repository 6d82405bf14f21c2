using Cluster.Protocol;
using Cluster.Serialization;
using Cluster.Spaces;
using Cluster.Spaces.Families;
using Cluster.Workers;
using Evaluators.Export;
using Evaluators.Families;
using Evaluators.Runtime;
using Evaluators.Slots;
using Evaluators.Tasks;
using MessagePack;
using Search.Core;
using static TorchSharp.torch;

namespace Cluster.Tests.Families;

/// <summary>
/// Walks every registered family from YAML to export: a space loads (or, for a family that cannot
/// be evaluated, is refused with one line), a job carries its family section over the wire, a
/// worker reads it back, the candidate compiles and fills its tasks' templates, and it exports.
/// </summary>
public sealed class FamilyRegistryTests
{
    public static TheoryData<string> Registered => new(LayerFamilies.Names);

    public FamilyRegistryTests() => TorchRuntime.EnsureReady(1);

    [Fact]
    public void Every_registered_family_has_exactly_one_section_reader_and_nothing_else_does()
    {
        Assert.Equal(LayerFamilies.Names.Order(StringComparer.Ordinal), FamilySection.ReaderFamilies.Order(StringComparer.Ordinal));
        Assert.Equal(LayerFamilies.Names.Count, LayerFamilies.Names.Distinct().Count());
    }

    [Fact]
    public void Every_task_belongs_to_one_family_whose_slot_kind_its_template_takes()
    {
        foreach (var task in ProxyTasks.List)
        {
            var owner = Assert.Single(LayerFamilies.All, f => f.Tasks.Contains(task));
            Assert.Equal(owner.Slot, task.Template.Slots);
        }
        Assert.Equal(ProxyTasks.List.Count, ProxyTasks.List.Select(t => t.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public void A_family_walks_from_yaml_to_export_or_is_refused_when_the_space_loads(string name)
    {
        var family = LayerFamilies.Get(name);
        if (family.NotEvaluable is { } why)
        {
            var e = Assert.Throws<SearchSpaceException>(() => SearchSpaceFile.Parse(FamilyYaml.Space(name, "fmnist-mlp"), "walk.yaml"));
            Assert.Equal(3, e.Line); // at the family's name
            Assert.Contains($"family '{name}' cannot be evaluated yet: {why}", e.Problem);
            Assert.DoesNotContain('\n', e.Message);
            return;
        }

        var task = family.Tasks[0];
        var space = SearchSpaceFile.Parse(FamilyYaml.Space(name, task.Name), "walk.yaml");
        Assert.Same(family, space.FamilySpace!.Family);

        // The job as the coordinator makes it, through the wire format, read back by a worker.
        var sent = FamilyYaml.FirstJob(space);
        var genome = space.Family.Parse(sent.GenomeText);
        var received = MessagePackSerializer.Deserialize<Job>(MessagePackSerializer.Serialize(sent, ProtocolSerializer.Options), ProtocolSerializer.Options);
        var job = new FamilySpaceCache().Resolve(received);
        Assert.Equal(space.FamilySpace.Fingerprint, job.Space!.Fingerprint);

        // The candidate compiles under the run's settings and fills the template of each of its tasks.
        var compiled = family.Compiler(job.Space.Settings).Compile(job.GenomeText);
        Assert.Equal(genome.Text, compiled.Text);
        Assert.Null(compiled.LimitProblem);
        Assert.NotEmpty(compiled.Probe().Outputs);
        foreach (var t in family.Tasks)
        {
            using var scope = NewDisposeScope();
            // Images (2 of 1x28x28, 10 classes), or for a character model 2 windows of 64 token ids (96 symbols, a prediction per token).
            bool chars = t.Dataset == Evaluators.Data.Text.CharWindows.DatasetName;
            using var model = chars ? t.Template.Build([64], 96, compiled.Slot) : t.Template.Build([1, 28, 28], 10, compiled.Slot);
            model.eval();
            var input = chars ? randint(0, 96, [2, 64]).to(ScalarType.Float32) : randn(2, 1, 28, 28);
            Assert.Equal(chars ? [128L, 96L] : [2L, 10L], model.forward(input).shape);
        }

        // And it exports in every format its family writes, under its name; the others are refused by name.
        var item = new ExportItem(genome, $"walk_{name}");
        Assert.Contains("json", family.ExportFormats);
        foreach (var format in Exporter.Formats)
        {
            if (family.ExportFormats.Contains(format))
                Assert.Contains("walk_", Exporter.Export(format, [item], new ExportOptions()), StringComparison.OrdinalIgnoreCase);
            else
                Assert.Contains($"{name} layers are written as", Assert.Throws<ArgumentException>(() => Exporter.Export(format, [item], new ExportOptions())).Message);
        }
        Assert.Equal(name, ExportLayer.Resolve(item).Family);
    }

    [Fact]
    public void A_worker_of_another_reading_refuses_a_family_section_whose_fingerprint_differs()
    {
        var space = SearchSpaceFile.Parse(FamilyYaml.Space("activation", "fmnist-mlp", "max_nodes: 40"), "walk.yaml");
        var job = FamilyYaml.FirstJob(space);
        job = job with { SpaceFingerprint = job.SpaceFingerprint ^ 1 };
        var e = Assert.Throws<ArgumentException>(() => new FamilySpaceCache().Resolve(job));
        Assert.Contains("another version", e.Message);
    }
}
