using TorchSharp;

namespace Evaluators.Runtime;

/// <summary>The `--device cpu|cuda|cuda:N|auto` choice; auto picks CUDA when torch reports it available.</summary>
public static class DeviceChoice
{
    public static torch.Device Resolve(string choice)
    {
        string c = choice.Trim().ToLowerInvariant();
        if (c == "cpu") return torch.CPU;
        if (c == "auto") return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (c == "cuda" || c.StartsWith("cuda:", StringComparison.Ordinal))
        {
            int index = 0;
            if (c.Length > 4 && !int.TryParse(c.AsSpan(5), out index) || index < 0)
                throw new ArgumentException($"device '{choice}': expected cuda:N with N a non-negative integer");
            if (!torch.cuda.is_available())
                throw new ArgumentException($"device '{choice}': CUDA is not available (this build uses the CPU libtorch; build with -p:TorchBackend=cuda on a machine with an NVIDIA driver)");
            int count = torch.cuda.device_count();
            if (index >= count)
                throw new ArgumentException($"device '{choice}': only {count} CUDA device(s) present");
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"device '{choice}': expected cpu, cuda, cuda:N or auto");
    }
}
