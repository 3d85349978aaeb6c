#!/usr/bin/env python3
"""The PyTorch peer of the kit's epoch benchmark: the same MLP and CNN, batch size, optimiser and threads, one
epoch at a time, on the shipped Fashion-MNIST subset (or the full set with --data full).

Debian 12: sudo apt-get install python3-torch libopenblas0-pthread python3-numpy
Run:       /usr/bin/python3 tests/PReluKit.Benchmarks/peer_pytorch.py --threads 2 --epochs 3
"""
import argparse
import gzip
import statistics
import struct
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[2]
MEAN, STD = 0.2860, 0.3530  # the kit's normalisation (FashionMnist.Mean / Std)


def read_idx(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        magic, = struct.unpack(">i", f.read(4))
        dims = [struct.unpack(">i", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def load(data: str):
    folder = ROOT / "data" / "fashion-mnist-subset" if data == "subset" else Path("/usr/share/datasets/fashion-mnist")
    images = read_idx(folder / "train-images-idx3-ubyte.gz").astype(np.float32) / 255.0
    labels = read_idx(folder / "train-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy((images - MEAN) / STD), torch.from_numpy(labels)


def activation(kind: str, channels: int) -> nn.Module:
    return {"relu": lambda: nn.ReLU(), "leaky": lambda: nn.LeakyReLU(0.01), "prelu": lambda: nn.PReLU(channels),
            "prelu-shared": lambda: nn.PReLU(1)}[kind]()


def mlp(kind: str) -> nn.Module:
    return nn.Sequential(nn.Linear(784, 256), activation(kind, 256), nn.Linear(256, 128), activation(kind, 128), nn.Linear(128, 10))


def cnn(kind: str) -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), activation(kind, 16), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), activation(kind, 32), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 128), activation(kind, 128), nn.Linear(128, 10))


def epoch_seconds(model: nn.Module, x: torch.Tensor, y: torch.Tensor, lr: float, epochs: int, batch: int) -> list:
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    loss = nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs + 1):  # the first epoch warms up and is not reported
        start = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], batch):
            idx = order[i:i + batch]
            optimizer.zero_grad()
            loss(model(x.index_select(0, idx)), y.index_select(0, idx)).backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    return times[1:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--data", choices=["subset", "full"], default="subset")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    x, y = load(args.data)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, {x.shape[0]:,} images, batch {args.batch}, "
          f"median of {args.epochs} epochs after one warm-up")
    print(f"{'model':5} {'activation':13} {'s/epoch':>8} {'vs ReLU':>8}")
    for name, build, lr, shape in (("mlp", mlp, 0.05, (-1, 784)), ("cnn", cnn, 0.02, (-1, 1, 28, 28))):
        data = x.reshape(shape).contiguous()
        relu = None
        for kind in ("relu", "leaky", "prelu", "prelu-shared"):
            median = statistics.median(epoch_seconds(build(kind), data, y, lr, args.epochs, args.batch))
            relu = relu or median
            print(f"{name:5} {kind:13} {median:8.3f} {median / relu:8.3f}")


if __name__ == "__main__":
    main()
