namespace Bench.Fuzz;

/// <summary>A property a target checks after an input was accepted (round trip, sizes) that did not hold: always a failure.</summary>
public sealed class FuzzPropertyException(string message) : Exception(message);
