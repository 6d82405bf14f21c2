namespace Evaluators.Families.KanBasis.Export;

/// <summary>
/// The module-level Python functions of KAN exports (written once per file): each basis's features
/// (N, n) -> (N, n, C) with the same torch calls, in the same order, as the search's TorchSharp
/// features, so float32 results agree to rounding. Type annotations let <c>torch.jit.script</c> compile them.
/// </summary>
public static class KanPythonBases
{
    public const string Helpers = """


        def _kan_to_grid(x: torch.Tensor, low: torch.Tensor, high: torch.Tensor) -> torch.Tensor:
            # A B-spline group's nodes: each node's domain [low, high] onto the grid's [-1, 1].
            return (x - low) / (high - low) * 2.0 - 1.0


        def _kan_bspline(x: torch.Tensor, grid: int, order: int) -> torch.Tensor:
            # Cox-de Boor on grid intervals over [-1, 1] extended by order knots each side:
            # t_j = -1 + (j - order) h, h = 2 / grid. x is clamped to the domain first.
            h = 2.0 / grid
            t = torch.arange(grid + 2 * order + 1, dtype=x.dtype, device=x.device).sub(order).mul(h).sub(1.0)
            u = x.clamp(-1.0, 1.0).unsqueeze(-1)
            knots = t.shape[0]
            bases = ((u >= t.narrow(0, 0, knots - 1)) & (u < t.narrow(0, 1, knots - 1))).to(x.dtype)
            for p in range(1, order + 1):
                m = knots - 1 - p
                left = (u - t.narrow(0, 0, m)) * bases.narrow(-1, 0, m)
                right = (t.narrow(0, p + 1, m) - u) * bases.narrow(-1, 1, m)
                bases = (left + right) / (p * h)
            return bases


        def _kan_rbf(x: torch.Tensor, ln_weight: torch.Tensor, ln_bias: torch.Tensor,
                     centers: int, radius: float, h: float) -> torch.Tensor:
            # FastKAN: exp(-((u - c) / h)^2), c = linspace(-radius, radius, centers), u = LayerNorm(x)
            # over the group's nodes (eps 1e-5); over one node only the affine applies.
            u = x
            if x.shape[1] > 1:
                centred = x - x.mean(-1, keepdim=True)
                u = centred / (centred.square().mean(-1, keepdim=True) + 1e-5).sqrt()
            u = u * ln_weight + ln_bias
            c = torch.linspace(-radius, radius, centers, dtype=x.dtype, device=x.device)
            return (-((u.unsqueeze(-1) - c) / h).square()).exp()


        def _kan_chebyshev(x: torch.Tensor, degree: int) -> torch.Tensor:
            # T_0..T_degree of tanh x by the recurrence T_n = 2 t T_{n-1} - T_{n-2}.
            t = torch.tanh(x)
            terms = [torch.ones_like(t)]
            if degree >= 1:
                terms.append(t)
            for d in range(2, degree + 1):
                terms.append(t * terms[d - 1] * 2.0 - terms[d - 2])
            return torch.stack(terms, -1)


        def _kan_fourier(x: torch.Tensor, freq: int) -> torch.Tensor:
            # cos(k x) for k = 1..freq, then sin(k x).
            k = torch.arange(1, freq + 1, dtype=x.dtype, device=x.device)
            kx = x.unsqueeze(-1) * k
            return torch.cat([kx.cos(), kx.sin()], -1)


        def _kan_rational(x: torch.Tensor, numerator: torch.Tensor, denominator: torch.Tensor,
                          group_of_node: torch.Tensor) -> torch.Tensor:
            # P(x) / Q(x), P = a_0 + a_1 x + ..., Q = 1 + sum_j |b_j| |x|^j, (a, b) of each node's group.
            a = numerator.index_select(0, group_of_node)
            b = denominator.index_select(0, group_of_node)
            # |b| as where(b >= 0, b, -b): the same value, with slope 1 at b = 0 (the init) so it can learn.
            abs_b = torch.where(b >= 0, b, -b)
            p = a[:, a.shape[1] - 1].expand_as(x)
            for j in range(a.shape[1] - 2, -1, -1):
                p = p * x + a[:, j]
            ax = x.abs()
            q = abs_b[:, abs_b.shape[1] - 1].expand_as(x)
            for j in range(abs_b.shape[1] - 2, -1, -1):
                q = q * ax + abs_b[:, j]
            return (p / (q * ax + 1.0)).unsqueeze(-1)


        def _kan_unit(x: torch.Tensor) -> torch.Tensor:
            # The ReLU-KAN input: x clamped to [-1, 1], mapped to [0, 1].
            return x.clamp(-1.0, 1.0).add(1.0).mul(0.5).unsqueeze(-1)


        def _kan_starts(x: torch.Tensor, grid: int, order: int) -> torch.Tensor:
            # Interval i = 0..grid+order-1 of the ReLU-KAN grid is [s_i, s_i + (order + 1) / grid], s_i = (i - order) / grid.
            return torch.arange(grid + order, dtype=x.dtype, device=x.device).sub(order).div(grid)


        def _kan_relu_kan(x: torch.Tensor, grid: int, order: int) -> torch.Tensor:
            # [relu(e_i - x') relu(x' - s_i)]^2 * 16 / (e_i - s_i)^4: bumps of peak 1.
            u = _kan_unit(x)
            s = _kan_starts(x, grid, order)
            e = s + (order + 1.0) / grid
            r = torch.relu(e - u) * torch.relu(u - s)
            return r.square() * (16.0 / ((order + 1.0) / grid) ** 4)


        def _kan_af_act(v: torch.Tensor, act: str) -> torch.Tensor:
            if act == "softplus":
                return F.softplus(v)
            if act == "sigmoid":
                return torch.sigmoid(v)
            if act == "silu":
                return F.silu(v)
            if act == "relu":
                return torch.relu(v)
            if act == "leaky_relu":
                return F.leaky_relu(v, 0.01)
            if act == "elu":
                return F.elu(v, 1.0)
            if act == "gelu":
                return F.gelu(v)
            if act == "selu":
                return F.selu(v)
            if act == "tanh":
                return torch.tanh(v)
            raise ValueError("unknown AF-KAN activation " + act)


        def _kan_af_comb(a: torch.Tensor, b: torch.Tensor, comb: str) -> torch.Tensor:
            if comb == "quad1":
                return (a * b).square()
            if comb == "quad2":
                return a * b + a.square() + b.square()
            if comb == "sum":
                return a + b
            if comb == "prod":
                return a * b
            if comb == "sum_prod":
                return a + b + a * b
            if comb == "cubic1":
                return (a + b) * (a.square() + b.square())
            if comb == "cubic2":
                return (a * b).pow(3)
            raise ValueError("unknown AF-KAN combination " + comb)


        def _kan_af_kan(x: torch.Tensor, grid: int, order: int, act: str, comb: str) -> torch.Tensor:
            # comb(act(x' - s_i), act(e_i - x')) on the ReLU-KAN grid, over its L2 norm (+1e-8).
            u = _kan_unit(x)
            s = _kan_starts(x, grid, order)
            e = s + (order + 1.0) / grid
            f = _kan_af_comb(_kan_af_act(u - s, act), _kan_af_act(e - u, act), comb)
            return f / (f.square().sum(-1, keepdim=True).sqrt() + 1e-8)

        """;
}
