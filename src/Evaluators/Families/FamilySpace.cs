namespace Evaluators.Families;

/// <summary>
/// A family bound to the settings of one search space: what a worker compiles candidates with.
/// <see cref="Text"/> is the run's family section as jobs carry it ("" for the defaults) and
/// <see cref="Fingerprint"/> the hash of its canonical values (0 for the defaults); evaluators
/// keep one compiler per fingerprint.
/// </summary>
public sealed record FamilySpace(ILayerFamily Family, object Settings, string Text = "", ulong Fingerprint = 0)
{
    /// <summary>The family with its default settings.</summary>
    public static FamilySpace Default(ILayerFamily family) => new(family, family.DefaultSettings);

    /// <summary>The registered family of that name with its default settings.</summary>
    public static FamilySpace Default(string family) => Default(LayerFamilies.Get(family));
}
