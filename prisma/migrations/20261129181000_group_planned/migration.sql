-- A group registered before its materialized view exists: the live schema check is waived.
ALTER TYPE "GroupStatus" ADD VALUE 'planned' BEFORE 'draft';
