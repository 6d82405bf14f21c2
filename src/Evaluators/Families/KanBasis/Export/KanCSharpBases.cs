namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The static class of KAN exports' TorchSharp code (written once per file): each basis's features
/// (N, n) -> (N, n, C) with the calls of the search's own features, and the node lists of a layer.
/// Temporaries belong to the caller's dispose scope.
/// </summary>
public static class KanCSharpBases
{
    public const string ClassName = "KanBases";

    public const string Helpers = """

        /// <summary>KAN basis functions of the exported networks, as the search computed them.</summary>
        public static class KanBases
        {
            /// <summary>A B-spline group's nodes: each node's domain [low, high] onto the grid's [-1, 1].</summary>
            public static Tensor ToGrid(Tensor x, Tensor low, Tensor high) => x.sub(low).div(high.sub(low)).mul(2.0).sub(1.0);

            /// <summary>Cox-de Boor on grid intervals over [-1, 1] extended by order knots each side; x clamped to [-1, 1].</summary>
            public static Tensor BSpline(Tensor x, int grid, int order)
            {
                double h = 2.0 / grid;
                var t = arange(grid + 2 * order + 1, dtype: x.dtype, device: x.device).sub(order).mul(h).sub(1.0);
                var u = x.clamp(-1.0, 1.0).unsqueeze(-1);
                long knots = t.shape[0];
                var bases = u.ge(t.narrow(0, 0, knots - 1)).logical_and(u.lt(t.narrow(0, 1, knots - 1))).to(x.dtype);
                for (int p = 1; p <= order; p++)
                {
                    long m = knots - 1 - p;
                    var left = u.sub(t.narrow(0, 0, m)).mul(bases.narrow(-1, 0, m));
                    var right = t.narrow(0, p + 1, m).sub(u).mul(bases.narrow(-1, 1, m));
                    bases = left.add(right).div(p * h);
                }
                return bases;
            }

            /// <summary>FastKAN Gaussians on u = LayerNorm(x) over the group's nodes (eps 1e-5; one node: the affine only).</summary>
            public static Tensor Rbf(Tensor x, Tensor lnWeight, Tensor lnBias, int centers, double radius, double h)
            {
                var u = x;
                if (x.shape[1] > 1)
                {
                    var centred = x.sub(x.mean(new long[] { -1 }, keepdim: true));
                    u = centred.div(centred.square().mean(new long[] { -1 }, keepdim: true).add(1e-5).sqrt());
                }
                u = u.mul(lnWeight).add(lnBias);
                var c = linspace(-radius, radius, centers, dtype: x.dtype, device: x.device);
                return u.unsqueeze(-1).sub(c).div(h).square().neg().exp();
            }

            /// <summary>T_0..T_degree of tanh x by the recurrence.</summary>
            public static Tensor Chebyshev(Tensor x, int degree)
            {
                var t = x.tanh();
                var terms = new System.Collections.Generic.List<Tensor> { ones_like(t) };
                if (degree >= 1) terms.Add(t);
                for (int d = 2; d <= degree; d++) terms.Add(t.mul(terms[d - 1]).mul(2.0).sub(terms[d - 2]));
                return stack(terms, -1);
            }

            /// <summary>cos(k x) for k = 1..frequencies, then sin(k x).</summary>
            public static Tensor Fourier(Tensor x, int frequencies)
            {
                var kx = x.unsqueeze(-1).mul(arange(1, frequencies + 1, dtype: x.dtype, device: x.device));
                return cat(new[] { kx.cos(), kx.sin() }, -1);
            }

            /// <summary>P(x) / Q(x), Q = 1 + sum_j |b_j| |x|^j, with (a, b) of each node's group.</summary>
            public static Tensor Rational(Tensor x, Tensor numerator, Tensor denominator, Tensor groupOfNode)
            {
                var a = numerator.index_select(0, groupOfNode);
                var b = denominator.index_select(0, groupOfNode);
                // |b| as where(b >= 0, b, -b): same value, slope 1 at b = 0 (the init).
                var absB = where(b.ge(0.0), b, b.neg());
                var p = a.select(1, a.shape[1] - 1).expand_as(x);
                for (long j = a.shape[1] - 2; j >= 0; j--) p = p.mul(x).add(a.select(1, j));
                var ax = x.abs();
                var q = absB.select(1, absB.shape[1] - 1).expand_as(x);
                for (long j = absB.shape[1] - 2; j >= 0; j--) q = q.mul(ax).add(absB.select(1, j));
                return p.div(q.mul(ax).add(1.0)).unsqueeze(-1);
            }

            /// <summary>ReLU-KAN bumps [relu(e_i - x') relu(x' - s_i)]^2 * 16 / (e_i - s_i)^4.</summary>
            public static Tensor ReluKan(Tensor x, int grid, int order)
            {
                var (u, s, e) = Grid(x, grid, order);
                var r = nn.functional.relu(e.sub(u)).mul(nn.functional.relu(u.sub(s)));
                return r.square().mul(16.0 / Math.Pow((order + 1.0) / grid, 4));
            }

            /// <summary>AF-KAN: comb(act(x' - s_i), act(e_i - x')) on the ReLU-KAN grid, over its L2 norm (+1e-8).</summary>
            public static Tensor AfKan(Tensor x, int grid, int order, string activation, string combination)
            {
                var (u, s, e) = Grid(x, grid, order);
                var a = Activate(u.sub(s), activation);
                var b = Activate(e.sub(u), activation);
                var f = combination switch
                {
                    "quad1" => a.mul(b).square(),
                    "quad2" => a.mul(b).add(a.square()).add(b.square()),
                    "sum" => a.add(b),
                    "prod" => a.mul(b),
                    "sum_prod" => a.add(b).add(a.mul(b)),
                    "cubic1" => a.add(b).mul(a.square().add(b.square())),
                    "cubic2" => a.mul(b).pow(3),
                    _ => throw new ArgumentException("unknown AF-KAN combination " + combination),
                };
                return f.div(f.square().sum(new long[] { -1 }, keepdim: true).sqrt().add(1e-8));
            }

            private static Tensor Activate(Tensor v, string activation) => activation switch
            {
                "softplus" => nn.functional.softplus(v),
                "sigmoid" => v.sigmoid(),
                "silu" => nn.functional.silu(v),
                "relu" => nn.functional.relu(v),
                "leaky_relu" => nn.functional.leaky_relu(v, 0.01),
                "elu" => nn.functional.elu(v, 1.0),
                "gelu" => nn.functional.gelu(v),
                "selu" => nn.functional.selu(v),
                "tanh" => v.tanh(),
                _ => throw new ArgumentException("unknown AF-KAN activation " + activation),
            };

            /// <summary>x' = (clamp(x, -1, 1) + 1) / 2; interval i is [s_i, e_i], s_i = (i - order) / grid, e_i = s_i + (order + 1) / grid.</summary>
            private static (Tensor U, Tensor S, Tensor E) Grid(Tensor x, int grid, int order)
            {
                var u = x.clamp(-1.0, 1.0).add(1.0).mul(0.5).unsqueeze(-1);
                var s = arange(grid + order, dtype: x.dtype, device: x.device).sub(order).div(grid);
                return (u, s, s.add((order + 1.0) / grid));
            }

            /// <summary>Nodes 0..inFeatures-1 but the overridden ones: the layer basis's group.</summary>
            public static long[] NodesExcept(long inFeatures, long[] overridden)
            {
                var nodes = new System.Collections.Generic.List<long>();
                for (long i = 0; i < inFeatures; i++)
                    if (Array.IndexOf(overridden, i) < 0) nodes.Add(i);
                return nodes.ToArray();
            }

            /// <summary>Rational coefficient group of each of n nodes: node i in group floor(i * groups / n).</summary>
            public static long[] RationalGroups(long nodes, long groups)
            {
                var result = new long[nodes];
                for (long i = 0; i < nodes; i++) result[i] = i * groups / nodes;
                return result;
            }
        }

        """;
}
