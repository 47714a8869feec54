/**
 * The records of a class's grading run: one per student, and the gradebook
 * that gathers them (written as gradebook.json and rendered as CSV and as
 * report.html).
 *
 * @module
 */
import type { GradeResult } from "./record.ts";

/** How late a submission was and what it cost. */
export interface LateInfo {
  /** When it was handed in (ISO 8601). */
  submittedAt: string;
  /** Where that time came from. */
  source: "manifest" | "mtime";
  /** Whole days after the due date (0 when on time). */
  daysLate: number;
  /** Fraction of the score taken away, 0…1. */
  penalty: number;
}

/** One student's outcome. */
export interface StudentRecord {
  id: string;
  /** `graded`, or `error` when the submission could not be graded at all. */
  status: "graded" | "error";
  /** Why it could not be graded (status `error`). */
  error?: string;
  /** Set when the grader itself failed (not the submission): a re-run grades it again. */
  graderFault?: boolean;
  /** The grader's full record (status `graded`). */
  result?: GradeResult;
  late?: LateInfo;
  /** Score after the late penalty. */
  finalScore: number;
  /** SHA-256 of the submission as uploaded (file or folder), for resuming. */
  inputHash: string;
  /** The grader's hash, for resuming. */
  graderHash: string;
}

/** Two submissions with suspicious overlap in one exercise. */
export interface SimilarityPair {
  exercise: string;
  a: string;
  b: string;
  /** 0…1: the share of the smaller file's (non-template) code found in the other. */
  score: number;
  /** The longest shared fragment, as it appears in `a`. */
  fragment: string;
  /** Lines of the fragment in `a` and in `b` (1-based, inclusive). */
  linesA: [number, number];
  linesB: [number, number];
}

/** Two students whose files overlap in one or more exercises, with the evidence. */
export interface StudentPair {
  a: string;
  b: string;
  /** How many exercises overlap. */
  exercises: number;
  /** The mean overlap score over those exercises. */
  meanScore: number;
  /** One pair per exercise, strongest first. */
  evidence: SimilarityPair[];
}

/** The class's gradebook. */
export interface Gradebook {
  /** Exercises in course order with their maximum points. */
  exercises: Array<{ name: string; lesson: string; max: number }>;
  max: number;
  students: StudentRecord[];
  /** The per-exercise evidence of the student pairs kept (see `similarityStudents`). */
  similarity: SimilarityPair[];
  /**
   * Pairs of students, ranked by how many exercises overlap, then by mean
   * overlap; a cut never drops a pair that overlaps in more exercises than one kept.
   */
  similarityStudents?: StudentPair[];
  /** How many student pairs were found in all (the gradebook keeps the first). */
  similarityFound?: number;
  /** The similarity detector used, and its settings. */
  similarityTool: string;
  generatedAt: string;
}
