using Search.Genomes.Routing;

namespace Search.Tests.Genomes.Routing;

/// <summary>The spaces the routing tests run in: the defaults, and a narrow one where k often meets the expert count.</summary>
public static class RoutingSpaces
{
    public static readonly RoutingSpace Default = new();

    public static readonly RoutingSpace Narrow = new()
    {
        Experts = new(2, 6), K = new(1, 4), Temperature = new(0.5, 2), Capacity = new(1, 1.5),
        Gates = [GateType.NoisyTopK, GateType.DenseToSparse, GateType.ExpertChoice], Schedules = [ScheduleKind.Cosine],
    };

    public static readonly IReadOnlyList<RoutingFamily> Families = [new(Default), new(Narrow)];
}
