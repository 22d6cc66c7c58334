-- A school may withdraw its own pending supply request (the centre then sees it withdrawn).
ALTER TYPE "SupplyRequestStatus" ADD VALUE 'withdrawn';
