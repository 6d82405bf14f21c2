using Cluster.Protocol.Data;
using Cluster.Serialization;
using Cluster.Tests.Support;
using Evaluators.Candidates;
using MessagePack;
using Search.Core;
using Search.Rejection;

namespace Cluster.Tests.Serialization;

public sealed class ProtocolTypeTests
{
    [Fact]
    public void Every_type_reachable_from_a_manifest_is_a_protocol_type_with_integer_keys()
    {
        var problems = ReachableTypes.Problems(Manifests.Types, out var objects);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(typeof(PlanData), objects); // the walk reaches nested data, not only the messages
        Assert.Contains(typeof(StabilityData), objects);
    }

    [Fact]
    public void The_walk_flags_a_domain_record_inside_a_message()
    {
        var problems = ReachableTypes.Problems([typeof(EvaluationJob)], out _);
        Assert.Contains(problems, p => p.Contains("EvaluationJob") && p.Contains("not a type of Cluster.Protocol"));
    }

    [Fact]
    public void The_serializer_refuses_a_type_without_keys()
    {
        // The contractless fallback is gone: a domain record cannot reach the wire by property name.
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Serialize(new EvaluationPlan(), ProtocolSerializer.Options));
    }

    [Theory]
    [InlineData(typeof(PlanData), typeof(EvaluationPlan))]
    [InlineData(typeof(SanityData), typeof(SanitySettings))]
    [InlineData(typeof(HurdleData), typeof(HurdleSettings))]
    [InlineData(typeof(StabilityData), typeof(StabilitySettings))]
    [InlineData(typeof(CsvData), typeof(Evaluators.Data.Csv.CsvSource))]
    [InlineData(typeof(ResultData), typeof(EvaluationResult))]
    [InlineData(typeof(FingerprintData), typeof(ProbeFingerprint))]
    [InlineData(typeof(StageStatsData), typeof(StageStats))]
    public void A_data_type_carries_every_property_of_its_domain_record(Type data, Type domain)
    {
        // A property added to a domain record must get a key here, or it would silently not travel.
        static string[] Names(Type t) => t.GetProperties().Where(p => p.GetMethod is { IsStatic: false } && p.GetIndexParameters().Length == 0)
            .Select(p => p.Name).Where(n => n != "EqualityContract").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Names(domain), Names(data));
    }

    [Fact]
    public void A_plan_goes_to_data_and_back_unchanged()
    {
        foreach (var plan in new[] { SampleMessages.Plan, new EvaluationPlan(), new EvaluationPlan { Hurdle = null } })
            Assert.Equal(Equality.Json(plan), Equality.Json(PlanData.From(plan).ToDomain()));
    }

    [Fact]
    public void Results_fingerprints_and_stage_stats_go_to_data_and_back_unchanged()
    {
        EvaluationResult[] results = [EvaluationResult.Accept(0.5, -2), EvaluationResult.Reject("sanity", "nan", 0.25), EvaluationResult.Fail("boom", 3)];
        foreach (var r in results) Assert.Equal(Equality.Json(r), Equality.Json(ResultData.From(r).ToDomain()));
        var fp = new ProbeFingerprint(0xABCDUL, true);
        Assert.Equal(fp, FingerprintData.From(fp).ToDomain());
        Assert.Null(FingerprintData.From((ProbeFingerprint?)null));
        var s = new StageStats("hurdle", 5, 2, 1, 0.5, 7.25);
        Assert.Equal(s, StageStatsData.From(s).ToDomain());
    }
}
