;; The loops over pairs of states that dominate a run (docs/PERFORMANCE.md), in WebAssembly:
;; the trust assessment, the recorders' mean trust and cohesion, and the evidence of an
;; implementation round. Each is the JavaScript loop of js-kernels.ts, operation for operation
;; (IEEE-754 doubles, the same additions in the same order), so every run is bit-identical
;; whichever runs it; test/engine/kernels/kernels.test.ts checks it on random stores.
;;
;; Compiled by `npm run kernels` (wabt) into wasm-bytes.ts. Addresses are byte offsets into the
;; run's memory: the trust store's arrays are set once (setStore), the lists per call.
;;   trust(i→j) = (P·kept + r0) / ((P + N)·kept + r0 + s0),   kept = retention[step − updatedAt]
(module
  (import "env" "memory" (memory 1))
  (global $n (mut i32) (i32.const 0))
  (global $P (mut i32) (i32.const 0))        ;; positive evidence, f64[n²]
  (global $N (mut i32) (i32.const 0))        ;; negative evidence, f64[n²]
  (global $R0 (mut i32) (i32.const 0))       ;; structural positive, f64[n²]
  (global $S0 (mut i32) (i32.const 0))       ;; structural negative, f64[n²]
  (global $U (mut i32) (i32.const 0))        ;; step each cell is expressed at, i32[n²]
  (global $RET (mut i32) (i32.const 0))      ;; retention[k] = forgetting^k, f64[steps + 1]

  (func (export "setStore") (param $n i32) (param $P i32) (param $N i32) (param $R0 i32) (param $S0 i32) (param $U i32) (param $RET i32)
    (global.set $n (local.get $n)) (global.set $P (local.get $P)) (global.set $N (local.get $N))
    (global.set $R0 (local.get $R0)) (global.set $S0 (local.get $S0)) (global.set $U (local.get $U))
    (global.set $RET (local.get $RET)))

  ;; For each member i = list[a]: mean[i] = mean trust in the others (½ alone), lowest[i] = the
  ;; lowest (1 alone). Returns Σ mean over the members, in list order.
  (func (export "assess") (param $step i32) (param $list i32) (param $count i32) (param $mean i32) (param $lowest i32) (result f64)
    (local $pa i32) (local $pb i32) (local $end i32) (local $i i32) (local $row i32) (local $sum f64) (local $low f64) (local $t f64) (local $m f64) (local $total f64)
    (local $c8 i32) (local $kept f64) (local $r0 f64) (local $p f64)
    (local $n i32) (local $P i32) (local $N i32) (local $R0 i32) (local $S0 i32) (local $U i32) (local $RET i32)
    (local.set $n (global.get $n)) (local.set $P (global.get $P)) (local.set $N (global.get $N))
    (local.set $R0 (global.get $R0)) (local.set $S0 (global.get $S0)) (local.set $U (global.get $U)) (local.set $RET (global.get $RET))
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $pa (local.get $list))
    (block $done_a (loop $next_a
      (br_if $done_a (i32.ge_u (local.get $pa) (local.get $end)))
      (local.set $i (i32.load (local.get $pa)))
      (local.set $row (i32.mul (local.get $i) (local.get $n)))
      (local.set $sum (f64.const 0))
      (local.set $low (f64.const 1))
      (local.set $pb (local.get $list))
      (block $done_b (loop $next_b
        (br_if $done_b (i32.ge_u (local.get $pb) (local.get $end)))
        (if (i32.ne (local.get $pa) (local.get $pb)) (then
          ;; trust of cell (row + list[b]), written out (a call here cost a third of the loop)
          (local.set $c8 (i32.add (local.get $row) (i32.load (local.get $pb))))
          (local.set $kept (f64.load (i32.add (local.get $RET)
            (i32.shl (i32.sub (local.get $step) (i32.load (i32.add (local.get $U) (i32.shl (local.get $c8) (i32.const 2))))) (i32.const 3)))))
          (local.set $c8 (i32.shl (local.get $c8) (i32.const 3)))
          (local.set $r0 (f64.load (i32.add (local.get $R0) (local.get $c8))))
          (local.set $p (f64.load (i32.add (local.get $P) (local.get $c8))))
          (local.set $t (f64.div
            (f64.add (f64.mul (local.get $p) (local.get $kept)) (local.get $r0))
            (f64.add
              (f64.add
                (f64.mul (f64.add (local.get $p) (f64.load (i32.add (local.get $N) (local.get $c8)))) (local.get $kept))
                (local.get $r0))
              (f64.load (i32.add (local.get $S0) (local.get $c8))))))
          (local.set $sum (f64.add (local.get $sum) (local.get $t)))
          (if (f64.lt (local.get $t) (local.get $low)) (then (local.set $low (local.get $t))))))
        (local.set $pb (i32.add (local.get $pb) (i32.const 4)))
        (br $next_b)))
      (local.set $m
        (if (result f64) (i32.gt_s (local.get $count) (i32.const 1))
          (then (f64.div (local.get $sum) (f64.convert_i32_s (i32.sub (local.get $count) (i32.const 1)))))
          (else (f64.const 0.5))))
      (f64.store (i32.add (local.get $mean) (i32.shl (local.get $i) (i32.const 3))) (local.get $m))
      (f64.store (i32.add (local.get $lowest) (i32.shl (local.get $i) (i32.const 3))) (local.get $low))
      (local.set $total (f64.add (local.get $total) (local.get $m)))
      (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
      (br $next_a)))
    (local.get $total))

  ;; Over ordered pairs of distinct members: returns Σ trust; writes at `above` (f64) how many
  ;; are above `threshold`.
  (func (export "pairStats") (param $step i32) (param $list i32) (param $count i32) (param $threshold f64) (param $above i32) (result f64)
    (local $pa i32) (local $pb i32) (local $end i32) (local $row i32) (local $sum f64) (local $t f64) (local $over i32)
    (local $c8 i32) (local $kept f64) (local $r0 f64) (local $p f64)
    (local $n i32) (local $P i32) (local $N i32) (local $R0 i32) (local $S0 i32) (local $U i32) (local $RET i32)
    (local.set $n (global.get $n)) (local.set $P (global.get $P)) (local.set $N (global.get $N))
    (local.set $R0 (global.get $R0)) (local.set $S0 (global.get $S0)) (local.set $U (global.get $U)) (local.set $RET (global.get $RET))
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $pa (local.get $list))
    (block $done_a (loop $next_a
      (br_if $done_a (i32.ge_u (local.get $pa) (local.get $end)))
      (local.set $row (i32.mul (i32.load (local.get $pa)) (local.get $n)))
      (local.set $pb (local.get $list))
      (block $done_b (loop $next_b
        (br_if $done_b (i32.ge_u (local.get $pb) (local.get $end)))
        (if (i32.ne (local.get $pa) (local.get $pb)) (then
          (local.set $c8 (i32.add (local.get $row) (i32.load (local.get $pb))))
          (local.set $kept (f64.load (i32.add (local.get $RET)
            (i32.shl (i32.sub (local.get $step) (i32.load (i32.add (local.get $U) (i32.shl (local.get $c8) (i32.const 2))))) (i32.const 3)))))
          (local.set $c8 (i32.shl (local.get $c8) (i32.const 3)))
          (local.set $r0 (f64.load (i32.add (local.get $R0) (local.get $c8))))
          (local.set $p (f64.load (i32.add (local.get $P) (local.get $c8))))
          (local.set $t (f64.div
            (f64.add (f64.mul (local.get $p) (local.get $kept)) (local.get $r0))
            (f64.add
              (f64.add
                (f64.mul (f64.add (local.get $p) (f64.load (i32.add (local.get $N) (local.get $c8)))) (local.get $kept))
                (local.get $r0))
              (f64.load (i32.add (local.get $S0) (local.get $c8))))))
          (local.set $sum (f64.add (local.get $sum) (local.get $t)))
          (local.set $over (i32.add (local.get $over) (f64.gt (local.get $t) (local.get $threshold))))))
        (local.set $pb (i32.add (local.get $pb) (i32.const 4)))
        (br $next_b)))
      (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
      (br $next_a)))
    (f64.store (local.get $above) (f64.convert_i32_s (local.get $over)))
    (local.get $sum))

  ;; An implementation round's evidence: for each participant i = list[a] that implemented
  ;; (done[i] ≠ 0, a byte) and every other participant j: decay the cell (i, j) to `step`, add
  ;; positive[j] and negative[j] (f64, by state), and mark it expressed at `step`.
  (func (export "evidence") (param $step i32) (param $list i32) (param $size i32) (param $done i32) (param $positive i32) (param $negative i32)
    (local $pa i32) (local $pk i32) (local $end i32) (local $j i32) (local $row i32) (local $cell i32) (local $c8 i32) (local $kept f64) (local $at i32)
    (local $n i32) (local $P i32) (local $N i32) (local $U i32) (local $RET i32)
    (local.set $n (global.get $n)) (local.set $P (global.get $P)) (local.set $N (global.get $N))
    (local.set $U (global.get $U)) (local.set $RET (global.get $RET))
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $size) (i32.const 2))))
    (local.set $pa (local.get $list))
    (block $done_a (loop $next_a
      (br_if $done_a (i32.ge_u (local.get $pa) (local.get $end)))
      (local.set $row (i32.load (local.get $pa)))
      (if (i32.load8_u (i32.add (local.get $done) (local.get $row))) (then
        (local.set $row (i32.mul (local.get $row) (local.get $n)))
        (local.set $pk (local.get $list))
        (block $done_k (loop $next_k
          (br_if $done_k (i32.ge_u (local.get $pk) (local.get $end)))
          (if (i32.ne (local.get $pk) (local.get $pa)) (then
            (local.set $j (i32.load (local.get $pk)))
            (local.set $cell (i32.add (local.get $row) (local.get $j)))
            (local.set $c8 (i32.shl (local.get $cell) (i32.const 3)))
            (local.set $at (i32.add (local.get $U) (i32.shl (local.get $cell) (i32.const 2))))
            (local.set $kept (f64.load (i32.add (local.get $RET)
              (i32.shl (i32.sub (local.get $step) (i32.load (local.get $at))) (i32.const 3)))))
            (local.set $j (i32.shl (local.get $j) (i32.const 3)))
            (f64.store (i32.add (local.get $P) (local.get $c8))
              (f64.add
                (f64.mul (f64.load (i32.add (local.get $P) (local.get $c8))) (local.get $kept))
                (f64.load (i32.add (local.get $positive) (local.get $j)))))
            (f64.store (i32.add (local.get $N) (local.get $c8))
              (f64.add
                (f64.mul (f64.load (i32.add (local.get $N) (local.get $c8))) (local.get $kept))
                (f64.load (i32.add (local.get $negative) (local.get $j)))))
            (i32.store (local.get $at) (local.get $step))))
          (local.set $pk (i32.add (local.get $pk) (i32.const 4)))
          (br $next_k)))))
      (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
      (br $next_a))))

  ;; Blame, resentment: each listed state i = from[a] adds `negative` evidence (and no positive)
  ;; about each listed j = to[b], as addEvidence(i, j, step, 0, negative) does, in that order.
  (func (export "penalise") (param $step i32) (param $from i32) (param $fromCount i32) (param $to i32) (param $toCount i32) (param $negative f64)
    (local $a i32) (local $b i32) (local $row i32) (local $cell i32) (local $c8 i32) (local $at i32) (local $kept f64)
    (block $done_a (loop $next_a
      (br_if $done_a (i32.ge_s (local.get $a) (local.get $fromCount)))
      (local.set $row (i32.mul
        (i32.load (i32.add (local.get $from) (i32.shl (local.get $a) (i32.const 2))))
        (global.get $n)))
      (local.set $b (i32.const 0))
      (block $done_b (loop $next_b
        (br_if $done_b (i32.ge_s (local.get $b) (local.get $toCount)))
        (local.set $cell (i32.add (local.get $row) (i32.load (i32.add (local.get $to) (i32.shl (local.get $b) (i32.const 2))))))
        (local.set $c8 (i32.shl (local.get $cell) (i32.const 3)))
        (local.set $at (i32.add (global.get $U) (i32.shl (local.get $cell) (i32.const 2))))
        (local.set $kept (f64.load (i32.add (global.get $RET)
          (i32.shl (i32.sub (local.get $step) (i32.load (local.get $at))) (i32.const 3)))))
        (f64.store (i32.add (global.get $P) (local.get $c8))
          (f64.add (f64.mul (f64.load (i32.add (global.get $P) (local.get $c8))) (local.get $kept)) (f64.const 0)))
        (f64.store (i32.add (global.get $N) (local.get $c8))
          (f64.add (f64.mul (f64.load (i32.add (global.get $N) (local.get $c8))) (local.get $kept)) (local.get $negative)))
        (i32.store (local.get $at) (local.get $step))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $next_b)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $next_a))))
)
