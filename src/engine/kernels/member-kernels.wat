;; The loops over the members of a step that score or draw, in WebAssembly: a round of
;; deliberation's search for likely objectors (phases/deliberate.ts, score.ts objects), the votes
;; on a proposal (each voter's score, score.ts scoreMember with the built-in score, and its vote
;; drawn from it, score.ts drawVote) and an implementation round's compliance
;; (phases/implement.ts: each participant's adversity, its draw, the evidence its conduct adds),
;; over the run's memory.
;; Operation for operation the JavaScript's (IEEE-754 doubles, the same additions in the same
;; order), so the outcome is the same bit for bit whichever runs it;
;; test/engine/kernels/member-kernels.test.ts runs worlds both ways and compares.
;;
;; What stays in JavaScript: the champions' automatic yes (phases/vote.ts), the uniform numbers
;; (drawn in member order from the organisation's stream, one per voter or participant, before
;; the call), σ itself (imported: the leading powers' stances need it once a proposal) and the
;; exact tiers of a draw that the grid of σ does not settle (imported: one draw in 64 at most).
;;
;; Compiled by `npm run kernels` (wabt) into wasm-bytes.ts. Addresses are byte offsets into the
;; run's memory, set once a run (setTrust, setArrays, setParameters).
(module
  (import "env" "memory" (memory 1))
  (import "env" "logistic" (func $logistic (param f64) (result f64)))
  (import "env" "belowExact" (func $belowExact (param f64 f64) (result i32)))
  (import "env" "atLeastExact" (func $atLeastExact (param f64 f64) (result i32)))

  ;; The world's sizes and the voting parameters.
  (global $n (mut i32) (i32.const 0))
  (global $cbms (mut i32) (i32.const 0))
  (global $dims (mut i32) (i32.const 0))
  (global $sovereigntyWeight (mut f64) (f64.const 0))
  (global $proposerTrustWeight (mut f64) (f64.const 0))
  (global $memberTrustWeight (mut f64) (f64.const 0))
  (global $leaderWeight (mut f64) (f64.const 0))
  (global $temperature (mut f64) (f64.const 1))
  (global $abstention (mut f64) (f64.const 0))
  ;; The grid of σ (util/logistic-draw.ts): points a unit of y, the offset of y = 0, the margin.
  (global $gridSteps (mut f64) (f64.const 0))
  (global $gridOffset (mut i32) (i32.const 0))
  (global $gridMargin (mut f64) (f64.const 0))

  ;; The trust store (trust.ts): positive, negative, structural r0 and s0 (f64[n²]), the step each
  ;; cell is expressed at (i32[n²]), retention (f64[steps + 1]).
  (global $P (mut i32) (i32.const 0))
  (global $N (mut i32) (i32.const 0))
  (global $R0 (mut i32) (i32.const 0))
  (global $S0 (mut i32) (i32.const 0))
  (global $U (mut i32) (i32.const 0))
  (global $RET (mut i32) (i32.const 0))

  ;; The run's arrays (state.ts) and the world's copied beside them.
  (global $SAL (mut i32) (i32.const 0))      ;; salience, f64[n × dims]
  (global $BEN (mut i32) (i32.const 0))      ;; the CBMs' benefit, f64[cbms × dims]
  (global $SB (mut i32) (i32.const 0))       ;; Σ salience × benefit, f64[n × cbms]
  (global $SBAT (mut i32) (i32.const 0))     ;; the salience epoch of each sum, i32[n × cbms]
  (global $SOV (mut i32) (i32.const 0))      ;; sovereignty, f64[n]
  (global $MTM (mut i32) (i32.const 0))      ;; mean trust to the members, f64[orgs × n]
  (global $MARK (mut i32) (i32.const 0))     ;; membership marks, u8[orgs × n]
  (global $LOFF (mut i32) (i32.const 0))     ;; leading powers of each state: offsets, i32[n + 1]
  (global $LSTATE (mut i32) (i32.const 0))   ;; ...the powers, i32[links]
  (global $LTIE (mut i32) (i32.const 0))     ;; ...the ties, f64[links]
  (global $LST (mut i32) (i32.const 0))      ;; the powers' stances, f64[n]
  (global $LSTAMP (mut i32) (i32.const 0))   ;; the stance epoch of each, i32[n]
  (global $VOTES (mut i32) (i32.const 0))    ;; votes, i8[rows × n]
  (global $VOTERS (mut i32) (i32.const 0))   ;; the voters of the call, i32[n]
  (global $UNI (mut i32) (i32.const 0))      ;; their uniform numbers, f64[n]
  (global $GRID (mut i32) (i32.const 0))     ;; σ at the grid's points, f64
  (global $SCRATCH (mut i32) (i32.const 0))  ;; a value per voter between the passes of a call, f64[n]

  ;; Compliance (parameters.implementation, parameters.trust) and its arrays.
  (global $probability (mut f64) (f64.const 0))
  (global $intercept (mut f64) (f64.const 0))
  (global $capabilityWeight (mut f64) (f64.const 0))
  (global $complianceSovereigntyWeight (mut f64) (f64.const 0))
  (global $costWeight (mut f64) (f64.const 0))
  (global $adversaryWeight (mut f64) (f64.const 0))
  (global $overruledWeight (mut f64) (f64.const 0))
  (global $adversaryBelow (mut f64) (f64.const 0))
  (global $implementationEvidence (mut f64) (f64.const 0))
  (global $defectionEvidence (mut f64) (f64.const 0))
  (global $cheapTalk (mut f64) (f64.const 0))
  (global $signalWeight (mut f64) (f64.const 0))
  (global $adversarySignal (mut f64) (f64.const 0))
  (global $CAP (mut i32) (i32.const 0))      ;; capability, f64[n]
  (global $LTM (mut i32) (i32.const 0))      ;; lowest trust to the members, f64[orgs × n]
  (global $LIST (mut i32) (i32.const 0))     ;; a round's participants, i32[n]
  (global $DONE (mut i32) (i32.const 0))     ;; whether each implemented, u8[n]
  (global $OVR (mut i32) (i32.const 0))      ;; whether each voted against the measure, u8[n]
  (global $POS (mut i32) (i32.const 0))      ;; the positive evidence each adds, f64[n]
  (global $NEG (mut i32) (i32.const 0))      ;; the negative evidence each adds, f64[n]
  ;; Deliberation's: the members of each organisation, and who coordinates what.
  (global $MEMBERS (mut i32) (i32.const 0))  ;; memberList, i32[orgs × n]
  (global $COORD (mut i32) (i32.const 0))    ;; coordinator, u8[orgs × n × dims]

  ;; The proposal being voted on (the call's).
  (global $step (mut i32) (i32.const 0))
  (global $o (mut i32) (i32.const 0))
  (global $c (mut i32) (i32.const 0))
  (global $proposer (mut i32) (i32.const 0))
  (global $share (mut f64) (f64.const 0))
  (global $cost (mut f64) (f64.const 0))
  (global $bindingness (mut f64) (f64.const 0))
  (global $sidePayment (mut f64) (f64.const 0))
  (global $salienceEpoch (mut i32) (i32.const 0))
  (global $stanceEpoch (mut i32) (i32.const 0))

  (func (export "setTrust") (param $P i32) (param $N i32) (param $R0 i32) (param $S0 i32) (param $U i32) (param $RET i32)
    (global.set $P (local.get $P)) (global.set $N (local.get $N)) (global.set $R0 (local.get $R0))
    (global.set $S0 (local.get $S0)) (global.set $U (local.get $U)) (global.set $RET (local.get $RET)))

  ;; Every array's address, in the order of member-kernels.ts ARRAY_ORDER.
  (func (export "setArrays")
    (param $SAL i32) (param $BEN i32) (param $SB i32) (param $SBAT i32) (param $SOV i32) (param $MTM i32)
    (param $MARK i32) (param $LOFF i32) (param $LSTATE i32) (param $LTIE i32) (param $LST i32)
    (param $LSTAMP i32) (param $VOTES i32) (param $VOTERS i32) (param $UNI i32) (param $GRID i32) (param $SCRATCH i32)
    (param $CAP i32) (param $LTM i32) (param $LIST i32) (param $DONE i32) (param $OVR i32) (param $POS i32) (param $NEG i32)
    (param $MEMBERS i32) (param $COORD i32)
    (global.set $SAL (local.get $SAL)) (global.set $BEN (local.get $BEN)) (global.set $SB (local.get $SB))
    (global.set $SBAT (local.get $SBAT)) (global.set $SOV (local.get $SOV)) (global.set $MTM (local.get $MTM))
    (global.set $MARK (local.get $MARK)) (global.set $LOFF (local.get $LOFF))
    (global.set $LSTATE (local.get $LSTATE)) (global.set $LTIE (local.get $LTIE))
    (global.set $LST (local.get $LST)) (global.set $LSTAMP (local.get $LSTAMP))
    (global.set $VOTES (local.get $VOTES)) (global.set $VOTERS (local.get $VOTERS))
    (global.set $UNI (local.get $UNI)) (global.set $GRID (local.get $GRID)) (global.set $SCRATCH (local.get $SCRATCH))
    (global.set $CAP (local.get $CAP)) (global.set $LTM (local.get $LTM)) (global.set $LIST (local.get $LIST))
    (global.set $DONE (local.get $DONE)) (global.set $OVR (local.get $OVR)) (global.set $POS (local.get $POS))
    (global.set $NEG (local.get $NEG))
    (global.set $MEMBERS (local.get $MEMBERS)) (global.set $COORD (local.get $COORD)))

  (func (export "setComplianceParameters")
    (param $probability f64) (param $intercept f64) (param $capabilityWeight f64) (param $sovereigntyWeight f64)
    (param $costWeight f64) (param $adversaryWeight f64) (param $overruledWeight f64) (param $adversaryBelow f64)
    (param $implementationEvidence f64) (param $defectionEvidence f64) (param $cheapTalk f64)
    (param $signalWeight f64) (param $adversarySignal f64)
    (global.set $probability (local.get $probability)) (global.set $intercept (local.get $intercept))
    (global.set $capabilityWeight (local.get $capabilityWeight))
    (global.set $complianceSovereigntyWeight (local.get $sovereigntyWeight))
    (global.set $costWeight (local.get $costWeight)) (global.set $adversaryWeight (local.get $adversaryWeight))
    (global.set $overruledWeight (local.get $overruledWeight)) (global.set $adversaryBelow (local.get $adversaryBelow))
    (global.set $implementationEvidence (local.get $implementationEvidence))
    (global.set $defectionEvidence (local.get $defectionEvidence)) (global.set $cheapTalk (local.get $cheapTalk))
    (global.set $signalWeight (local.get $signalWeight)) (global.set $adversarySignal (local.get $adversarySignal)))

  (func (export "setParameters")
    (param $n i32) (param $cbms i32) (param $dims i32)
    (param $sovereigntyWeight f64) (param $proposerTrustWeight f64) (param $memberTrustWeight f64)
    (param $leaderWeight f64) (param $temperature f64) (param $abstention f64)
    (param $gridSteps f64) (param $gridOffset i32) (param $gridMargin f64)
    (global.set $n (local.get $n)) (global.set $cbms (local.get $cbms)) (global.set $dims (local.get $dims))
    (global.set $sovereigntyWeight (local.get $sovereigntyWeight))
    (global.set $proposerTrustWeight (local.get $proposerTrustWeight))
    (global.set $memberTrustWeight (local.get $memberTrustWeight))
    (global.set $leaderWeight (local.get $leaderWeight))
    (global.set $temperature (local.get $temperature)) (global.set $abstention (local.get $abstention))
    (global.set $gridSteps (local.get $gridSteps)) (global.set $gridOffset (local.get $gridOffset))
    (global.set $gridMargin (local.get $gridMargin)))

  ;; Σ_d salience[i,d] × benefit[c,d], kept while the salience epoch stands (score.ts salienceBenefit).
  (func $salienceBenefit (param $i i32) (result f64)
    (local $key i32) (local $d i32) (local $sum f64) (local $sal i32) (local $ben i32)
    (local.set $key (i32.add (i32.mul (local.get $i) (global.get $cbms)) (global.get $c)))
    (if (i32.eq (i32.load (i32.add (global.get $SBAT) (i32.shl (local.get $key) (i32.const 2)))) (global.get $salienceEpoch))
      (then (return (f64.load (i32.add (global.get $SB) (i32.shl (local.get $key) (i32.const 3)))))))
    (local.set $sal (i32.add (global.get $SAL) (i32.shl (i32.mul (local.get $i) (global.get $dims)) (i32.const 3))))
    (local.set $ben (i32.add (global.get $BEN) (i32.shl (i32.mul (global.get $c) (global.get $dims)) (i32.const 3))))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $d) (global.get $dims)))
      (local.set $sum (f64.add (local.get $sum)
        (f64.mul (f64.load (local.get $sal)) (f64.load (local.get $ben)))))
      (local.set $sal (i32.add (local.get $sal) (i32.const 8)))
      (local.set $ben (i32.add (local.get $ben) (i32.const 8)))
      (local.set $d (i32.add (local.get $d) (i32.const 1)))
      (br $next)))
    (f64.store (i32.add (global.get $SB) (i32.shl (local.get $key) (i32.const 3))) (local.get $sum))
    (i32.store (i32.add (global.get $SBAT) (i32.shl (local.get $key) (i32.const 2))) (global.get $salienceEpoch))
    (local.get $sum))

  ;; trust(i → proposer) (trust.ts trustAt).
  (func $trustInProposer (param $i i32) (result f64)
    (local $cell i32) (local $c8 i32) (local $kept f64) (local $p f64) (local $r0 f64)
    (local.set $cell (i32.add (i32.mul (local.get $i) (global.get $n)) (global.get $proposer)))
    (local.set $c8 (i32.shl (local.get $cell) (i32.const 3)))
    (local.set $kept (f64.load (i32.add (global.get $RET)
      (i32.shl (i32.sub (global.get $step) (i32.load (i32.add (global.get $U) (i32.shl (local.get $cell) (i32.const 2))))) (i32.const 3)))))
    (local.set $p (f64.load (i32.add (global.get $P) (local.get $c8))))
    (local.set $r0 (f64.load (i32.add (global.get $R0) (local.get $c8))))
    (f64.div
      (f64.add (f64.mul (local.get $p) (local.get $kept)) (local.get $r0))
      (f64.add
        (f64.add
          (f64.mul (f64.add (local.get $p) (f64.load (i32.add (global.get $N) (local.get $c8)))) (local.get $kept))
          (local.get $r0))
        (f64.load (i32.add (global.get $S0) (local.get $c8))))))

  ;; State i's own interest in the proposal (score.ts ownScore, the built-in score):
  ;; benefit − cost + proposerTrustWeight × (trust in the proposer − ½) + memberTrustWeight × (mean trust − ½).
  (func $ownScore (param $i i32) (param $trust f64) (result f64)
    (f64.add
      (f64.add
        (f64.sub
          (f64.mul (call $salienceBenefit (local.get $i)) (global.get $share))
          (f64.mul (global.get $cost)
            (f64.add (f64.const 1)
              (f64.mul
                (f64.mul (global.get $sovereigntyWeight)
                  (f64.load (i32.add (global.get $SOV) (i32.shl (local.get $i) (i32.const 3)))))
                (global.get $bindingness)))))
        (f64.mul (global.get $proposerTrustWeight)
          (f64.sub (local.get $trust) (f64.const 0.5))))
      (f64.mul (global.get $memberTrustWeight)
        (f64.sub
          (f64.load (i32.add (global.get $MTM)
            (i32.shl (i32.add (i32.mul (global.get $o) (global.get $n)) (local.get $i)) (i32.const 3))))
          (f64.const 0.5)))))

  ;; P(yes) − P(no) of leading power g, from its own score (score.ts stanceOf).
  (func $stance (param $g i32) (result f64)
    (local $x f64)
    (local.set $x (f64.div (call $ownScore (local.get $g) (call $trustInProposer (local.get $g))) (global.get $temperature)))
    (f64.sub
      (call $logistic (f64.sub (local.get $x) (global.get $abstention)))
      (call $logistic (f64.sub (f64.neg (local.get $x)) (global.get $abstention)))))

  ;; scoreMember: the own score, the leading powers' pull (stances cached by epoch), the Fund.
  (func $score (param $i i32) (param $trust f64) (result f64)
    (local $score f64) (local $k i32) (local $end i32) (local $g i32) (local $stance f64) (local $row i32)
    (local.set $score (call $ownScore (local.get $i) (local.get $trust)))
    (if (f64.ne (global.get $leaderWeight) (f64.const 0)) (then
      (local.set $row (i32.mul (global.get $o) (global.get $n)))
      (local.set $k (i32.load (i32.add (global.get $LOFF) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (global.get $LOFF) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $done (loop $next
        (br_if $done (i32.ge_s (local.get $k) (local.get $end)))
        (local.set $g (i32.load (i32.add (global.get $LSTATE) (i32.shl (local.get $k) (i32.const 2)))))
        (if (i32.load8_u (i32.add (global.get $MARK) (i32.add (local.get $row) (local.get $g)))) (then
          (if (i32.eq (i32.load (i32.add (global.get $LSTAMP) (i32.shl (local.get $g) (i32.const 2)))) (global.get $stanceEpoch))
            (then (local.set $stance (f64.load (i32.add (global.get $LST) (i32.shl (local.get $g) (i32.const 3))))))
            (else
              (local.set $stance (call $stance (local.get $g)))
              (f64.store (i32.add (global.get $LST) (i32.shl (local.get $g) (i32.const 3))) (local.get $stance))
              (i32.store (i32.add (global.get $LSTAMP) (i32.shl (local.get $g) (i32.const 2))) (global.get $stanceEpoch))))
          (local.set $score (f64.add (local.get $score)
            (f64.mul
              (f64.mul (global.get $leaderWeight) (f64.load (i32.add (global.get $LTIE) (i32.shl (local.get $k) (i32.const 3)))))
              (local.get $stance))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))))
    (if (result f64) (f64.lt (local.get $score) (f64.const 0))
      (then (f64.add (local.get $score) (global.get $sidePayment)))
      (else (local.get $score))))

  ;; The grid point at or below y (k, as an address into GRID), or −1 when y is off the grid.
  (func $gridPoint (param $y f64) (result i32)
    (local $scaled f64)
    (local.set $scaled (f64.mul (local.get $y) (global.get $gridSteps)))
    (if (i32.eqz (i32.and
          (f64.gt (local.get $scaled) (f64.neg (f64.convert_i32_s (global.get $gridOffset))))
          (f64.lt (local.get $scaled) (f64.convert_i32_s (global.get $gridOffset)))))
      (then (return (i32.const -1))))
    (i32.add (global.get $GRID)
      (i32.shl
        (i32.add (i32.trunc_f64_s (f64.floor (local.get $scaled))) (global.get $gridOffset))
        (i32.const 3))))

  ;; u < σ(y) (logistic-draw.ts belowLogistic): the grid's tier here, the others in JavaScript.
  (func $below (param $u f64) (param $y f64) (result i32)
    (local $at i32)
    (local.set $at (call $gridPoint (local.get $y)))
    (if (i32.ge_s (local.get $at) (i32.const 0)) (then
      (if (f64.lt (local.get $u) (f64.sub (f64.load (local.get $at)) (global.get $gridMargin)))
        (then (return (i32.const 1))))
      (if (f64.gt (local.get $u) (f64.add (f64.load offset=8 (local.get $at)) (global.get $gridMargin)))
        (then (return (i32.const 0))))))
    (call $belowExact (local.get $u) (local.get $y)))

  ;; u ≥ 1 − σ(y) (logistic-draw.ts atLeastComplementOfLogistic), tiered the same way.
  (func $atLeastComplement (param $u f64) (param $y f64) (result i32)
    (local $at i32)
    (local.set $at (call $gridPoint (local.get $y)))
    (if (i32.ge_s (local.get $at) (i32.const 0)) (then
      (if (f64.gt (local.get $u)
            (f64.add (f64.sub (f64.const 1) (f64.load (local.get $at))) (global.get $gridMargin)))
        (then (return (i32.const 1))))
      (if (f64.lt (local.get $u)
            (f64.sub (f64.sub (f64.const 1) (f64.load offset=8 (local.get $at))) (global.get $gridMargin)))
        (then (return (i32.const 0))))))
    (call $atLeastExact (local.get $u) (local.get $y)))

;; The proposal the next calls of vote and markObjectors score: its step, organisation, CBM,
  ;; proposer, β_p, c_p, b_p, the Fund's side payment, and the epochs of the caches of
  ;; Σ salience × benefit and of the stances.
  (func $setProposal (export "setProposal") (param $step i32) (param $o i32) (param $c i32) (param $proposer i32)
    (param $share f64) (param $cost f64) (param $bindingness f64) (param $sidePayment f64)
    (param $salienceEpoch i32) (param $stanceEpoch i32)
    (global.set $step (local.get $step)) (global.set $o (local.get $o)) (global.set $c (local.get $c))
    (global.set $proposer (local.get $proposer)) (global.set $share (local.get $share))
    (global.set $cost (local.get $cost)) (global.set $bindingness (local.get $bindingness))
    (global.set $sidePayment (local.get $sidePayment))
    (global.set $salienceEpoch (local.get $salienceEpoch)) (global.set $stanceEpoch (local.get $stanceEpoch)))

  ;; Whether P(no) of member i is at least `threshold` (score.ts objects): x = −score / temperature
  ;; − abstention against `boundary` = logit(threshold), σ itself only within 1e-6 of it.
  (func $objects (param $i i32) (param $threshold f64) (param $boundary f64) (result i32)
    (local $x f64)
    (local.set $x (f64.sub
      (f64.div (f64.neg (call $score (local.get $i) (call $trustInProposer (local.get $i)))) (global.get $temperature))
      (global.get $abstention)))
    (if (i32.and
          (f64.gt (local.get $threshold) (f64.const 1e-6))
          (f64.lt (local.get $threshold) (f64.sub (f64.const 1) (f64.const 1e-6))))
      (then
        (if (f64.gt (local.get $x) (f64.add (local.get $boundary) (f64.const 1e-6))) (then (return (i32.const 1))))
        (if (f64.lt (local.get $x) (f64.sub (local.get $boundary) (f64.const 1e-6))) (then (return (i32.const 0))))))
    (f64.ge (call $logistic (local.get $x)) (local.get $threshold)))

  ;; A round of deliberation on the proposal set (setProposal), votes row `row` (deliberate.ts marksObjectors): each
  ;; member of o, `tested` first when ≥ 0, marked NO if a likely objector (not a champion: the
  ;; proposer or a coordinator of dimension `dim`, and P(no) ≥ threshold), YES otherwise; with
  ;; `firstSettles` it stops at the first objector. Returns the first objector, or −1.
  (func (export "markObjectors")
    (param $row i32) (param $count i32) (param $tested i32) (param $firstSettles i32)
    (param $threshold f64) (param $boundary f64) (param $dim i32)
    (result i32)
    (local $m i32) (local $i i32) (local $first i32) (local $objecting i32) (local $o i32) (local $proposer i32)
    (local.set $o (global.get $o))
    (local.set $proposer (global.get $proposer))
    (local.set $first (i32.const -1))
    ;; m = −1 is the member tested first; it is not tested again in member order.
    (local.set $m (select (i32.const -1) (i32.const 0) (i32.ge_s (local.get $tested) (i32.const 0))))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $m) (local.get $count)))
      (local.set $i (select (local.get $tested)
        (i32.load (i32.add (global.get $MEMBERS)
          (i32.shl (i32.add (i32.mul (local.get $o) (global.get $n)) (select (i32.const 0) (local.get $m) (i32.lt_s (local.get $m) (i32.const 0)))) (i32.const 2))))
        (i32.lt_s (local.get $m) (i32.const 0))))
      (if (i32.eqz (i32.and (i32.ge_s (local.get $m) (i32.const 0)) (i32.eq (local.get $i) (local.get $tested)))) (then
        (local.set $objecting (i32.const 0))
        (if (i32.eqz (i32.or
              (i32.eq (local.get $i) (local.get $proposer))
              (i32.load8_u (i32.add (global.get $COORD)
                (i32.add (i32.mul (i32.add (i32.mul (local.get $o) (global.get $n)) (local.get $i)) (global.get $dims)) (local.get $dim))))))
          (then (local.set $objecting (call $objects (local.get $i) (local.get $threshold) (local.get $boundary)))))
        (i32.store8 (i32.add (global.get $VOTES) (i32.add (local.get $row) (local.get $i)))
          (select (i32.const -1) (i32.const 1) (local.get $objecting)))
        (if (local.get $objecting) (then
          (if (i32.lt_s (local.get $first) (i32.const 0)) (then (local.set $first (local.get $i))))
          (br_if $done (local.get $firstSettles))))))
      (local.set $m (i32.add (local.get $m) (i32.const 1)))
      (br $next)))
    (local.get $first))

  ;; The votes of voters[0 .. count) on the proposal set (setProposal), in votes row `row` (a byte offset from VOTES):
  ;; x = score / temperature; yes when u < σ(x − a), no when u ≥ 1 − σ(−x − a), abstain otherwise.
  ;; In three passes over the voters (their trust in the proposer, their x, their votes), each into
  ;; SCRATCH: one voter's score is a long chain of dependent operations with two divisions in it,
  ;; and short loops over independent voters give the processor the chains of several at once.
  ;; Measured, that is worth little: the same in isolation, 0–3% of a run (docs/PERFORMANCE.md).
  (func (export "vote") (param $row i32) (param $count i32)
    (local $v i32) (local $i i32) (local $u f64) (local $x f64) (local $vote i32) (local $at i32)
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $v) (local.get $count)))
      (f64.store (i32.add (global.get $SCRATCH) (i32.shl (local.get $v) (i32.const 3)))
        (call $trustInProposer (i32.load (i32.add (global.get $VOTERS) (i32.shl (local.get $v) (i32.const 2))))))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $next)))
    (local.set $v (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $v) (local.get $count)))
      (local.set $at (i32.add (global.get $SCRATCH) (i32.shl (local.get $v) (i32.const 3))))
      (f64.store (local.get $at)
        (f64.div
          (call $score
            (i32.load (i32.add (global.get $VOTERS) (i32.shl (local.get $v) (i32.const 2))))
            (f64.load (local.get $at)))
          (global.get $temperature)))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $next)))
    (local.set $v (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $v) (local.get $count)))
      (local.set $i (i32.load (i32.add (global.get $VOTERS) (i32.shl (local.get $v) (i32.const 2)))))
      (local.set $u (f64.load (i32.add (global.get $UNI) (i32.shl (local.get $v) (i32.const 3)))))
      (local.set $x (f64.load (i32.add (global.get $SCRATCH) (i32.shl (local.get $v) (i32.const 3)))))
      (local.set $vote
        (if (result i32) (call $below (local.get $u) (f64.sub (local.get $x) (global.get $abstention)))
          (then (i32.const 1))
          (else
            (if (result i32) (call $atLeastComplement (local.get $u)
                  (f64.sub (f64.neg (local.get $x)) (global.get $abstention)))
              (then (i32.const -1))
              (else (i32.const 0))))))
      (i32.store8 (i32.add (global.get $VOTES) (i32.add (local.get $row) (local.get $i))) (local.get $vote))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $next))))

  ;; Adversity of participant i (implement.ts adversity): (θ − lowest trust of i in a member of o,
  ;; or of the partner organisation) / θ when below θ = adversaryBelow, else 0.
  (func $adversity (param $i i32) (param $o i32) (param $partner i32) (result f64)
    (local $lowest f64) (local $k i32) (local $orgs i32) (local $cell i32) (local $trust f64)
    (local.set $lowest (global.get $adversaryBelow))
    (local.set $orgs (select (i32.const 2) (i32.const 1) (i32.ge_s (local.get $partner) (i32.const 0))))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $k) (local.get $orgs)))
      (local.set $cell (i32.add
        (i32.mul (select (local.get $o) (local.get $partner) (i32.eqz (local.get $k))) (global.get $n))
        (local.get $i)))
      (if (i32.load8_u (i32.add (global.get $MARK) (local.get $cell))) (then
        (local.set $trust (f64.load (i32.add (global.get $LTM) (i32.shl (local.get $cell) (i32.const 3)))))
        (if (f64.lt (local.get $trust) (local.get $lowest)) (then (local.set $lowest (local.get $trust))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next)))
    (f64.div (f64.sub (global.get $adversaryBelow) (local.get $lowest)) (global.get $adversaryBelow)))

  ;; The logit of participant i's compliance chance (implement.ts complianceLogit): logit(probability)
  ;; + capabilityWeight × (capability − ½) − sovereigntyWeight × sovereignty × b − costWeight × c
  ;; − adversaryWeight × adversary − overruledWeight × overruled + monitoring.
  (func $complianceLogit (param $i i32) (param $b f64) (param $cost f64) (param $monitoring f64)
    (param $adversary f64) (param $overruled i32) (result f64)
    (f64.add
      (f64.sub
        (f64.sub
          (f64.sub
            (f64.sub
              (f64.add (global.get $intercept)
                (f64.mul (global.get $capabilityWeight)
                  (f64.sub (f64.load (i32.add (global.get $CAP) (i32.shl (local.get $i) (i32.const 3)))) (f64.const 0.5))))
              (f64.mul
                (f64.mul (global.get $complianceSovereigntyWeight)
                  (f64.load (i32.add (global.get $SOV) (i32.shl (local.get $i) (i32.const 3)))))
                (local.get $b)))
            (f64.mul (global.get $costWeight) (local.get $cost)))
          (f64.mul (global.get $adversaryWeight) (local.get $adversary)))
        (f64.mul (global.get $overruledWeight) (f64.convert_i32_u (local.get $overruled))))
      (local.get $monitoring)))

  ;; Whether a participant implements, drawn with u against its logit y (implement.ts complies).
  (func $complies (param $u f64) (param $y f64) (result i32)
    (if (f64.le (global.get $probability) (f64.const 0)) (then (return (i32.const 0))))
    (if (f64.ge (global.get $probability) (f64.const 1)) (then (return (f64.lt (local.get $u) (f64.const 1)))))
    (call $below (local.get $u) (local.get $y)))

  ;; One implementation round of a measure of o (and its partner, −1 if none), bindingness b and
  ;; cost as adopted, by the participants list[0 .. size) with their uniform numbers: whether each
  ;; implemented (DONE), and the positive or negative evidence its conduct adds (POS, NEG), its
  ;; signal (cheapTalk + signalWeight × cost × b) × (1 + adversarySignal × adversary) weighted;
  ;; each one's logit is left in SCRATCH.
  (func (export "comply")
    (param $o i32) (param $partner i32) (param $size i32) (param $b f64) (param $cost f64) (param $monitoring f64)
    (local $a i32) (local $i i32) (local $adversary f64) (local $y f64) (local $done i32) (local $signal f64) (local $weight f64)
    (local.set $signal (f64.add (global.get $cheapTalk)
      (f64.mul (f64.mul (global.get $signalWeight) (local.get $cost)) (local.get $b))))
    (block $end (loop $next
      (br_if $end (i32.ge_s (local.get $a) (local.get $size)))
      (local.set $i (i32.load (i32.add (global.get $LIST) (i32.shl (local.get $a) (i32.const 2)))))
      (local.set $adversary (call $adversity (local.get $i) (local.get $o) (local.get $partner)))
      (local.set $y (call $complianceLogit (local.get $i) (local.get $b) (local.get $cost) (local.get $monitoring)
        (local.get $adversary) (i32.load8_u (i32.add (global.get $OVR) (local.get $i)))))
      (f64.store (i32.add (global.get $SCRATCH) (i32.shl (local.get $a) (i32.const 3))) (local.get $y))
      (local.set $done (call $complies
        (f64.load (i32.add (global.get $UNI) (i32.shl (local.get $a) (i32.const 3)))) (local.get $y)))
      (i32.store8 (i32.add (global.get $DONE) (local.get $i)) (local.get $done))
      (local.set $weight (f64.mul (local.get $signal)
        (f64.add (f64.const 1) (f64.mul (global.get $adversarySignal) (local.get $adversary)))))
      (f64.store (i32.add (global.get $POS) (i32.shl (local.get $i) (i32.const 3)))
        (select (f64.mul (global.get $implementationEvidence) (local.get $weight)) (f64.const 0) (local.get $done)))
      (f64.store (i32.add (global.get $NEG) (i32.shl (local.get $i) (i32.const 3)))
        (select (f64.const 0) (f64.mul (global.get $defectionEvidence) (local.get $weight)) (local.get $done)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $next))))
)
