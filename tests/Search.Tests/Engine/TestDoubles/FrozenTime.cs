namespace Search.Tests.Engine.TestDoubles;

/// <summary>A clock that advances a fixed step each time it is read, so measured seconds are exact in tests.</summary>
public sealed class FrozenTime(long ticksPerRead = 0) : TimeProvider
{
    private long _now;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() { long t = _now; _now += ticksPerRead; return t; }
}
