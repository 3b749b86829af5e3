;; The byte prefilter of the tree scan (prefilter.ts): may these bytes hold a finding? Yes when they contain an access
;; key id head (AKIA ASIA ABIA ACCA AGPA AIDA AROA AIPA ANPA ANVA APKA ABSK, or A3T), `cret` or `CRET` (secret,
;; Secret, SECRET) or `bedrock-api-key-`: the answer of detect.ts's mayHoldSecret over the bytes as latin1, in one
;; SIMD pass where Buffer.indexOf made one native call per `A` and three more full searches.
;;
;; Each 16-byte block is compared at two shifts at once; each position in it where a needle may start (an `A`, `cr`
;; in any case, `be`) is checked exactly by $headAt. Two bytes per needle measured faster than four (4.6 against
;; 3.5 GB/s on the bench tree, and on this repository's node_modules where `cr` and `be` are common): fewer vector
;; operations per block outweigh the extra exact checks.
;;
;; The caller reads a file into memory at offset 0 and keeps 32 bytes free after it: they are zeroed here, so the
;; loads past the end see no needle. Built by `npm run build:prefilter` (wabt) into prefilter-wasm.ts;
;; prefilter.test.ts proves that the committed bytes are this file's.
(module
  (memory (export "memory") 1)

  (func (export "mayHold") (param $len i32) (result i32)
    (local $p i32) (local $m i32)
    (local $v0 v128) (local $v1 v128) (local $fold v128)
    (v128.store (local.get $len) (v128.const i64x2 0 0))
    (v128.store offset=16 (local.get $len) (v128.const i64x2 0 0))
    (local.set $fold (i8x16.splat (i32.const 0x20)))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $p) (local.get $len)))
        (local.set $v0 (v128.load (local.get $p)))
        (local.set $v1 (v128.load offset=1 (local.get $p)))
        (local.set $m
          (i8x16.bitmask
            (v128.or
              ;; A
              (i8x16.eq (local.get $v0) (i8x16.splat (i32.const 0x41)))
              (v128.or
                ;; cr in any case (x | 0x20 folds only C to c and R to r)
                (v128.and
                  (i8x16.eq (v128.or (local.get $v0) (local.get $fold)) (i8x16.splat (i32.const 0x63)))
                  (i8x16.eq (v128.or (local.get $v1) (local.get $fold)) (i8x16.splat (i32.const 0x72))))
                ;; be
                (v128.and
                  (i8x16.eq (local.get $v0) (i8x16.splat (i32.const 0x62)))
                  (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x65))))))))
        (if (local.get $m)
          (then
            (loop $starts
              (if (call $headAt (i32.add (local.get $p) (i32.ctz (local.get $m))))
                (then (return (i32.const 1))))
              ;; clear the lowest set bit
              (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
              (br_if $starts (local.get $m)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $blocks)))
    (i32.const 0))

  ;; Whether a needle starts at $at. Four bytes read as one little-endian i32: "AKIA" is 0x41494b41.
  (func $headAt (param $at i32) (result i32)
    (local $w i32)
    (local.set $w (i32.load (local.get $at)))
    (i32.or
      (i32.or
        (i32.or
          (i32.or (i32.eq (local.get $w) (i32.const 0x41494b41)) (i32.eq (local.get $w) (i32.const 0x41495341))) ;; AKIA ASIA
          (i32.or (i32.eq (local.get $w) (i32.const 0x41494241)) (i32.eq (local.get $w) (i32.const 0x41434341)))) ;; ABIA ACCA
        (i32.or
          (i32.or (i32.eq (local.get $w) (i32.const 0x41504741)) (i32.eq (local.get $w) (i32.const 0x41444941))) ;; AGPA AIDA
          (i32.or (i32.eq (local.get $w) (i32.const 0x414f5241)) (i32.eq (local.get $w) (i32.const 0x41504941))))) ;; AROA AIPA
      (i32.or
        (i32.or
          (i32.or (i32.eq (local.get $w) (i32.const 0x41504e41)) (i32.eq (local.get $w) (i32.const 0x41564e41))) ;; ANPA ANVA
          (i32.or (i32.eq (local.get $w) (i32.const 0x414b5041)) (i32.eq (local.get $w) (i32.const 0x4b534241)))) ;; APKA ABSK
        (i32.or
          (i32.or
            (i32.eq (i32.and (local.get $w) (i32.const 0xffffff)) (i32.const 0x543341)) ;; A3T
            (i32.or (i32.eq (local.get $w) (i32.const 0x74657263)) (i32.eq (local.get $w) (i32.const 0x54455243)))) ;; cret CRET
          ;; bedrock-api-key-
          (i8x16.all_true
            (i8x16.eq
              (v128.load (local.get $at))
              (v128.const i8x16 98 101 100 114 111 99 107 45 97 112 105 45 107 101 121 45)))))))
)
