using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Evaluators.Tests.Export;

/// <summary>
/// Tensors between the TorchSharp side of a test and a script run in real PyTorch: {shape, values}
/// objects in JSON files. JSON has no NaN or infinity, so the script writes those as "nan", "inf",
/// "-inf" (<see cref="PythonHelpers"/>), and <see cref="Doubles"/> reads them back.
/// </summary>
internal static class TorchJson
{
    /// <summary>Python: `load(path)` imports the exported module; `tensor` and `flat` convert as above.</summary>
    public const string PythonHelpers = """
        import copy, importlib.util, json, math, sys
        import torch

        def load(path):
            spec = importlib.util.spec_from_file_location("exported", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module

        def tensor(v):
            return torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"])

        def flat(t):
            return [v if math.isfinite(v) else repr(v) for v in t.detach().double().flatten().tolist()]

        def state(m):
            return [{"name": k, "shape": list(v.shape), "values": flat(v)} for k, v in m.state_dict().items()]

        """;

    public static object Of(Tensor t) => new { shape = t.shape, values = Flat(t) };

    public static double[] Flat(Tensor t) => t.detach().to(float64).contiguous().flatten().data<double>().ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String
        ? v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : v.GetDouble()).ToArray();

    public static long[] Longs(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    /// <summary>Relative 1e-5 (absolute below 1); NaN matches NaN and infinities match exactly.</summary>
    public static void AssertClose(double[] want, double[] got, string what)
    {
        Assert.True(want.Length == got.Length, $"{what}: {want.Length} values vs {got.Length}");
        for (int k = 0; k < want.Length; k++)
        {
            bool same = double.IsNaN(want[k]) ? double.IsNaN(got[k])
                : double.IsInfinity(want[k]) ? got[k] == want[k]
                : Math.Abs(got[k] - want[k]) <= 1e-5 * Math.Max(1, Math.Abs(want[k]));
            Assert.True(same, $"{what}, element {k}: TorchSharp {want[k]}, PyTorch {got[k]}");
        }
    }

    /// <summary>A state_dict written by the script's `state` has <paramref name="want"/>'s keys in order, shapes and values.</summary>
    public static void AssertState(IReadOnlyDictionary<string, Tensor> want, JsonElement got, string what)
    {
        var entries = got.EnumerateArray().ToArray();
        Assert.Equal(want.Keys, entries.Select(s => s.GetProperty("name").GetString()!));
        foreach (var s in entries)
        {
            string name = s.GetProperty("name").GetString()!;
            Assert.Equal(want[name].shape, Longs(s.GetProperty("shape")));
            AssertClose(Flat(want[name]), Doubles(s.GetProperty("values")), $"{what}: {name}");
        }
    }
}
