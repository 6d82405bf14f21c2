using Cluster.Spaces.Yaml;

namespace Cluster.Spaces.Families;

/// <summary>
/// Reads one family's part of the "family" section into its settings record (the engine's space
/// record, e.g. ActivationSpace). Found by <see cref="FamilySection"/> through
/// <see cref="Family"/>, which must name a family of Evaluators.Families.LayerFamilies; a class
/// implementing this is all the registration a reader needs.
/// </summary>
internal interface IFamilySection
{
    /// <summary>The family it reads, as LayerFamilies names it.</summary>
    string Family { get; }

    /// <summary>Keys the section may hold, "name" included.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>The settings; every value read is recorded for the fingerprint; bad values are SearchSpaceExceptions.</summary>
    object Read(YamlSection section);
}
